using AgriLink.Domain.Photos;

namespace AgriLink.Web.Photos;

/// <summary>A photo decoded, turned upright and encoded again in every kept size and format, ready to store.</summary>
public sealed record ProcessedPhoto(Photo Photo, IReadOnlyList<PhotoFile> Files)
{
    /// <summary>The same files under another folder (<see cref="PhotoFormats.Visits"/>: private, not served publicly).</summary>
    public ProcessedPhoto Under(string root) =>
        this with { Files = Files.Select(f => f with { Key = root + f.Key[f.Key.IndexOf('/', StringComparison.Ordinal)..] }).ToList() };
}

public sealed record PhotoFile(string Key, string ContentType, ReadOnlyMemory<byte> Content);
