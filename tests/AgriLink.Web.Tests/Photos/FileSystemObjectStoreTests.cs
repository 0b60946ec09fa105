using AgriLink.Web.Photos;
using AgriLink.Web.Tests.Infrastructure;
using Xunit;

namespace AgriLink.Web.Tests.Photos;

public sealed class FileSystemObjectStoreTests : ObjectStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FileSystemObjectStore _store;

    public FileSystemObjectStoreTests() => _store = new FileSystemObjectStore(Path.Combine(_folder.Path, "objects"));

    protected override IObjectStore Store => _store;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task APutLeavesNoTemporaryFileBehind()
    {
        await _store.PutAsync("photos/abc/320.jpg", new byte[] { 1, 2 }, PhotoFormats.Jpeg, TestContext.Current.CancellationToken);

        Assert.Equal(["320.jpg"], Directory.GetFiles(Path.Combine(_store.Root, "photos", "abc")).Select(Path.GetFileName));
    }
}
