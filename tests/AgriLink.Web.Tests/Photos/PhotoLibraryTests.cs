using AgriLink.Web.Photos;
using AgriLink.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace AgriLink.Web.Tests.Photos;

/// <summary>Files first, then the commit; a commit that fails takes its new files with it (issue 17: nothing orphaned).</summary>
public sealed class PhotoLibraryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FileSystemObjectStore _store;
    private readonly PhotoLibrary _library;

    public PhotoLibraryTests()
    {
        _store = new FileSystemObjectStore(Path.Combine(_folder.Path, "objects"));
        _library = new PhotoLibrary(_store, new PhotoProcessor(Options.Create(new PhotoOptions())), NullLogger<PhotoLibrary>.Instance);
    }

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int StoredFiles() => Directory.Exists(_store.Root) ? Directory.GetFiles(_store.Root, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task TheFilesAreStoredBeforeTheCommitRuns()
    {
        var processed = await _library.Processor.ProcessAsync(TestImages.Picture(900, 600), "listing:lst-a", Ct);
        var seenByCommit = -1;

        await _library.StoreThenCommitAsync(processed, () => Task.FromResult(seenByCommit = StoredFiles()), () => Task.FromResult(true), Ct);

        Assert.Equal(processed.Files.Count, seenByCommit);
        Assert.Equal(6, seenByCommit);   // 320, 800 and 900 (its own width, not upscaled to 1600), each WebP and JPEG
    }

    [Fact]
    public async Task AFailedCommitDeletesTheNewFiles()
    {
        var processed = await _library.Processor.ProcessAsync(TestImages.Picture(900, 600), "listing:lst-b", Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _library.StoreThenCommitAsync<int>(processed,
            () => throw new InvalidOperationException("the database is gone"), () => Task.FromResult(false), Ct));

        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AFailedCommitKeepsFilesTheOwnerNamesAfterAll()
    {
        // A commit that went through but whose answer was lost (or the same file committed by a concurrent upload).
        var processed = await _library.Processor.ProcessAsync(TestImages.Picture(900, 600), "listing:lst-c", Ct);

        await Assert.ThrowsAsync<TimeoutException>(() => _library.StoreThenCommitAsync<int>(processed,
            () => throw new TimeoutException(), () => Task.FromResult(true), Ct));

        Assert.Equal(processed.Files.Count, StoredFiles());
    }
}
