using AgriLink.Domain.Photos;

namespace AgriLink.Web.Photos;

/// <summary>
/// Keeps the object store and the grains in step. Files are written first and the grain commits after, so a committed photo
/// always has its files; when the commit is refused or fails, the new files are deleted again (unless the owner's state
/// names the photo after all: a concurrent upload of the same file, or a commit that went through but did not answer).
/// A removed photo's files are deleted after its removal commits; a delete that fails there leaves files no state names,
/// logged with their keys.
/// </summary>
public sealed partial class PhotoLibrary(IObjectStore store, PhotoProcessor processor, ILogger<PhotoLibrary> logger)
{
    public PhotoProcessor Processor => processor;

    public IObjectStore Store => store;

    /// <summary>Stores the files, then runs <paramref name="commit"/>; undoes the files when it throws.</summary>
    /// <param name="root">The folder the files are under (<see cref="PhotoFormats.Public"/> unless re-keyed, <see cref="ProcessedPhoto.Under"/>).</param>
    public async Task<T> StoreThenCommitAsync<T>(ProcessedPhoto processed, Func<Task<T>> commit, Func<Task<bool>> stillNamed, CancellationToken ct = default,
        string root = PhotoFormats.Public)
    {
        try
        {
            await Task.WhenAll(processed.Files.Select(f => store.PutAsync(f.Key, f.Content, f.ContentType, ct)));
            return await commit();
        }
        catch
        {
            if (!await IsNamed(stillNamed)) await DeleteAsync(processed.Photo, root);
            throw;
        }
    }

    /// <summary>Deletes a photo's files; failures are logged, never thrown (the change they follow is committed).</summary>
    public async Task DeleteAsync(Photo photo, string root = PhotoFormats.Public)
    {
        foreach (var key in PhotoFormats.Keys(photo, root))
        {
            try
            {
                await store.DeleteAsync(key);
            }
            catch (Exception e)
            {
                LogDeleteFailed(e, key);
            }
        }
    }

    private async Task<bool> IsNamed(Func<Task<bool>> stillNamed)
    {
        try
        {
            return await stillNamed();
        }
        catch (Exception e)
        {
            // Unknown: keeping files that may be orphaned beats deleting files a committed photo needs.
            LogCheckFailed(e);
            return true;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Photo file {Key} could not be deleted; it is named by no listing, cooperative or visit")]
    private partial void LogDeleteFailed(Exception error, string key);

    [LoggerMessage(LogLevel.Warning, "After a failed photo commit its owner could not be read: the new files are kept")]
    private partial void LogCheckFailed(Exception error);
}
