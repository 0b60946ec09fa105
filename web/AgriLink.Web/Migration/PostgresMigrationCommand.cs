using AgriLink.Hosting;
using AgriLink.Storage;
using Spectre.Console;

namespace AgriLink.Web.Migration;

/// <summary>
/// <c>dotnet run --project web/AgriLink.Web -- migrate-to-postgres --to "CONNECTION STRING" [--from FILE | --data DIR]</c>:
/// copies an embedded installation's SQLite database (by default the data folder's) into an empty PostgreSQL database,
/// with a progress bar per table, then exits. Stop the app first: writes made during the copy would not be carried over.
/// </summary>
public static class PostgresMigrationCommand
{
    public const string Name = "migrate-to-postgres";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Name;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, AnsiConsole.Console, CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken ct)
    {
        var options = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
        if (options["to"] is not { Length: > 0 } to)
        {
            console.MarkupLine($"[red]Missing --to.[/] Usage: {Name} --to \"Host=...;Database=...;Username=...;Password=...\" [[--from agrilink.db | --data DIR]]");
            return 2;
        }

        var from = options["from"] is { Length: > 0 } file ? Path.GetFullPath(file) : DataFolder.Resolve(options).DatabaseFile;
        if (!File.Exists(from))
        {
            console.MarkupLineInterpolated($"[red]No SQLite database at {from}.[/] Name it with --from FILE or --data DIR.");
            return 2;
        }

        try
        {
            var migration = new PostgresMigration(AgriLinkDatabase.Sqlite(from), AgriLinkDatabase.Postgres(to));
            var started = System.Diagnostics.Stopwatch.StartNew();
            var counts = await migration.PrepareAsync(ct);
            console.MarkupLineInterpolated($"Copying [bold]{from}[/] into PostgreSQL ({counts.Sum(c => c.Rows)} rows) in one transaction.");
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var tasks = counts.ToDictionary(c => c.Title, c => progress.AddTask(c.Title, maxValue: Math.Max(1, c.Rows)));
                    await migration.CopyAsync((title, copied) => tasks[title].Value = copied, ct);
                    foreach (var task in tasks.Values) task.Value = task.MaxValue;
                });

            var summary = new Table().AddColumn("Copied").AddColumn(new TableColumn("Rows").RightAligned());
            foreach (var (title, rows) in counts) summary.AddRow(title, rows.ToString(System.Globalization.CultureInfo.InvariantCulture));
            console.Write(summary);
            console.MarkupLineInterpolated(
                $"[green]Migrated[/] in {started.Elapsed.TotalSeconds:0.0} s. Start AgriLink with Storage:Provider=PostgreSQL and ConnectionStrings:AgriLink set to the target.");
            return 0;
        }
        catch (MigrationRefusedException e)
        {
            console.MarkupLineInterpolated($"[red]Refused:[/] {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or ArgumentException or InvalidOperationException)
        {
            console.MarkupLineInterpolated($"[red]Migration failed; nothing was committed to the target:[/] {e.Message}");
            return 1;
        }
    }
}
