using Microsoft.Extensions.Options;

namespace AgriLink.Web.Photos;

/// <summary>Creates the S3 bucket at start when it is missing and <c>Photos:S3:CreateBucket</c> allows; the file store needs nothing.</summary>
public sealed class ObjectStoreStart(IObjectStore store, IOptions<PhotoOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken ct) =>
        store is S3ObjectStore s3 && options.Value.S3.CreateBucket ? s3.EnsureBucketAsync(ct) : Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
