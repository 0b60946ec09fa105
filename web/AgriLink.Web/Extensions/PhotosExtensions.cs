using AgriLink.Hosting;
using AgriLink.Web.Photos;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Extensions;

public static class PhotosExtensions
{
    /// <summary>
    /// Photo processing and the object store <c>Photos:Store</c> names: the data folder's <c>objects/</c> (embedded default)
    /// or an S3-compatible store (cluster mode, where web nodes share nothing on disk).
    /// </summary>
    public static WebApplicationBuilder AddAgriLinkPhotos(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PhotoProcessor>();
        builder.Services.AddSingleton<PhotoLibrary>();
        builder.Services.AddSingleton<IObjectStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PhotoOptions>>().Value;
            return options.Store == ObjectStoreKind.S3
                ? new S3ObjectStore(options.S3)
                : new FileSystemObjectStore(Path.Combine(sp.GetRequiredService<DataFolder>().Path, "objects"));
        });
        builder.Services.AddHostedService<ObjectStoreStart>();
        return builder;
    }
}
