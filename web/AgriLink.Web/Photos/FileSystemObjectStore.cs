namespace AgriLink.Web.Photos;

/// <summary>
/// Objects as files under a folder (the data folder's <c>objects/</c> in the embedded mode). A put writes a temporary file
/// beside the target and renames it over, so a reader never sees half an object and a crash leaves at most a
/// <c>.tmp-*</c> file, which the next put of that key does not mind.
/// </summary>
public sealed class FileSystemObjectStore(string root) : IObjectStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.tmp-{Guid.NewGuid():N}";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<StoredObject?> GetAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.Asynchronous);
            return Task.FromResult<StoredObject?>(new StoredObject(file, file.Length, PhotoFormats.ContentTypeOf(key)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredObject?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(Root, ObjectKeys.Checked(key).Replace('/', Path.DirectorySeparatorChar));
}
