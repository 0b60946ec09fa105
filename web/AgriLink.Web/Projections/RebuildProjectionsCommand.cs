using AgriLink.Grains.Projections;
using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Hosting;
using AgriLink.Storage.Projections;
using Orleans.Serialization;
using Spectre.Console;

namespace AgriLink.Web.Projections;

/// <summary>
/// <c>dotnet run --project web/AgriLink.Web -- rebuild-projections [--data DIR]</c>: empties every read-model table and
/// fills it again from the stored grain states, with a progress bar per state, then compares each table's rows with what
/// was written and exits (1 when they differ). It opens the database directly, with no silo: stop the app first, so no
/// grain writes while the tables are refilled. Cluster mode reads <c>Storage:Provider</c> and the connection string as the app does.
/// </summary>
public static class RebuildProjectionsCommand
{
    public const string Name = "rebuild-projections";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Name;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, AnsiConsole.Console, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args[1..])
            .Build();
        var database = configuration.AgriLinkDatabase(DataFolder.Resolve(configuration));
        await using var services = new ServiceCollection()
            .AddSerializer(serializer => serializer
                .AddAssembly(typeof(Grains.Listings.ListingState).Assembly)
                .AddAssembly(typeof(Domain.Listings.ListingDraft).Assembly))
            .AddAgriLinkDatabase(database)
            .AddAgriLinkProjections()
            .AddAgriLinkGrainStorage()
            .BuildServiceProvider();
        try
        {
            await database.EnsureSchemaAsync(ct);
            var rebuilder = services.GetRequiredService<ProjectionRebuilder>();
            RebuildReport? report = null;
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                    report = await rebuilder.RebuildAsync(new Reporter(p =>
                    {
                        if (!tasks.TryGetValue(p.StateName, out var task))
                            tasks[p.StateName] = task = progress.AddTask(Markup.Escape(p.StateName), maxValue: 1);
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    }), ct);
                    foreach (var task in tasks.Values) task.Value = task.MaxValue;
                });
            await database.SetMetaAsync(ProjectionRebuilder.VersionKey,
                ProjectionServiceCollectionExtensions.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
            Print(console, report!);
            return report!.Consistent ? 0 : 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            console.MarkupLineInterpolated($"[red]Rebuild failed:[/] {e.Message}");
            return 1;
        }
    }

    private static void Print(IAnsiConsole console, RebuildReport report)
    {
        var table = new Table().AddColumns("table", "rows written", "rows counted");
        foreach (var (name, written) in report.RowsWritten.OrderBy(r => r.Key, StringComparer.Ordinal))
            table.AddRow(name, written.ToString("N0"), report.RowsCounted.GetValueOrDefault(name).ToString("N0"));
        console.Write(table);
        var states = report.StatesRead.Values.Sum();
        if (report.Consistent)
            console.MarkupLineInterpolated($"[green]Rebuilt from {states:N0} grain states in {report.Elapsed.TotalSeconds:0.0} s; every table holds what was written.[/]");
        else
            console.MarkupLineInterpolated($"[red]Rebuilt from {states:N0} grain states, but some tables hold other counts than were written (did something write meanwhile?).[/]");
    }

    /// <summary>Reports on the rebuilding thread (unlike <see cref="Progress{T}"/>, which posts and may arrive late).</summary>
    private sealed class Reporter(Action<(string StateName, long Done, long Total)> report) : IProgress<(string StateName, long Done, long Total)>
    {
        public void Report((string StateName, long Done, long Total) value) => report(value);
    }
}
