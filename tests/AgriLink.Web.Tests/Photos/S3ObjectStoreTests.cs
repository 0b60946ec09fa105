using AgriLink.Web.Photos;
using Xunit;

namespace AgriLink.Web.Tests.Photos;

/// <summary>The contract against a real S3 API (s3rver from tests/run.sh): a bucket of each test class's own.</summary>
public sealed class S3ObjectStoreTests : ObjectStoreContract, IAsyncLifetime, IDisposable
{
    private readonly S3ObjectStore _store = new(new S3StoreOptions
    {
        ServiceUrl = S3Server.Url, Bucket = $"agrilink-test-{Guid.NewGuid():N}"[..40], AccessKey = "S3RVER", SecretKey = "S3RVER",
    });

    protected override IObjectStore Store => _store;

    public async ValueTask InitializeAsync()
    {
        await _store.EnsureBucketAsync(TestContext.Current.CancellationToken);
        // A second time, as every start does: an existing bucket is fine.
        await _store.EnsureBucketAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => _store.Dispose();
}
