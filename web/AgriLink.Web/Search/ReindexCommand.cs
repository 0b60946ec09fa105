using AgriLink.Search;
using AgriLink.Web.Extensions;
using Spectre.Console;

namespace AgriLink.Web.Search;

/// <summary>
/// <c>dotnet run --project web/AgriLink.Web -- reindex [--data DIR]</c>: empties the search index and fills it again
/// from the grains, with a progress bar, then exits. It starts this installation's silo (embedded mode) or joins the
/// cluster as a client, so with the Lucene backend run it while the app is stopped (the index takes one writer).
/// </summary>
public static class ReindexCommand
{
    public const string Name = "reindex";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args[1..]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAgriLinkData();
        builder.AddAgriLinkOrleans();
        builder.AddAgriLinkSearch(feed: false);
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var search = app.Services.GetRequiredService<IListingSearch>();
            var indexer = app.Services.GetRequiredService<ListingIndexer>();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var indexed = 0;
            await search.ResetAsync();
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Indexing listings", maxValue: 1);
                    indexed = await indexer.IndexAllAsync(new Reporter(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }), CancellationToken.None);
                    task.Value = task.MaxValue;
                });
            AnsiConsole.MarkupLine($"[green]Indexed {indexed} listings[/] in {started.Elapsed.TotalSeconds:0.0} s ({await search.CountAsync()} in the index).");
            return 0;
        }
        catch (Exception e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Reindex failed:[/] {e.Message}");
            return 1;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>Reports on the indexing thread (unlike <see cref="Progress{T}"/>, which posts and may arrive late).</summary>
    private sealed class Reporter(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
