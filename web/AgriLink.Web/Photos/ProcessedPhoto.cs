using AgriLink.Domain.Photos;

namespace AgriLink.Web.Photos;

/// <summary>A photo decoded, turned upright and encoded again in every kept size and format, ready to store.</summary>
public sealed record ProcessedPhoto(Photo Photo, IReadOnlyList<PhotoFile> Files);

public sealed record PhotoFile(string Key, string ContentType, ReadOnlyMemory<byte> Content);
