using AgriLink.Storage;
using AgriLink.Web.Photos;

namespace AgriLink.Web.Seeding;

/// <summary>
/// Draws the demo's photos (<see cref="DemoPhotos"/>) once the server listens, not before: drawing and encoding them takes
/// about 1.7 s of CPU (measured: 24 listings at 640 × 480, WebP and JPEG at two widths), which would otherwise add to every
/// first start. A demo seeded before photos existed gets them the same way. Done once per database (meta
/// <c>demo.photos</c>); several web nodes drawing at once store the same files and the grains keep each photo once.
/// </summary>
public sealed partial class DemoPhotoSeeding(
    IHostApplicationLifetime lifetime, IGrainFactory grains, PhotoLibrary photos, AgriLinkDatabase database, ILogger<DemoPhotoSeeding> logger)
    : BackgroundService
{
    public const string DoneKey = "demo.photos";
    private const string SeededKey = "demo.seeded";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        try
        {
            if (await database.GetMetaAsync(SeededKey, stoppingToken) is null || await database.GetMetaAsync(DoneKey, stoppingToken) is not null) return;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var drawn = await new DemoPhotos(grains, photos).SeedAsync(stoppingToken);
            await database.SetMetaAsync(DoneKey, DateTimeOffset.UtcNow.ToString("O"), stoppingToken);
            LogDrawn(drawn, clock.ElapsedMilliseconds);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped half-way (whatever the shutdown broke first): the next start draws the rest.
        }
        catch (Exception e)
        {
            LogFailed(e);
        }
    }

    [LoggerMessage(LogLevel.Information, "Demo photos: {Count} drawn and stored in {Milliseconds} ms")]
    private partial void LogDrawn(int count, long milliseconds);

    [LoggerMessage(LogLevel.Warning, "Demo photos could not all be drawn; the next start tries again")]
    private partial void LogFailed(Exception error);
}
