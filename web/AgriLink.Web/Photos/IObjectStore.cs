namespace AgriLink.Web.Photos;

/// <summary>
/// Where photo files live: write-once objects under keys such as <c>photos/{id}/800.webp</c>. One contract, two stores
/// (<see cref="FileSystemObjectStore"/>, <see cref="S3ObjectStore"/>), one contract test suite for both.
/// </summary>
public interface IObjectStore
{
    /// <summary>Stores the object whole or not at all; a second put of the same key replaces it.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default);

    /// <summary>The object, or null when there is none. The caller disposes it.</summary>
    Task<StoredObject?> GetAsync(string key, CancellationToken ct = default);

    /// <summary>Removes the object; removing one that is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);
}

public sealed record StoredObject(Stream Content, long Length, string ContentType) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
