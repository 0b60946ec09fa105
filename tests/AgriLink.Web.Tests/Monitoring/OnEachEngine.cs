using AgriLink.Web.Tests.Infrastructure;
using AgriLink.Web.Tests.Postgres;

namespace AgriLink.Web.Tests.Monitoring;

/// <summary>A query test run on an app of its own without the demo, on SQLite or on a fresh PostgreSQL schema.</summary>
public static class OnEachEngine
{
    public static async Task Run(bool postgres, Func<AgriLinkFactory, Task> test)
    {
        await using var database = postgres ? await PostgresDatabase.CreateAsync() : null;
        using var folder = new TempFolder();
        await using var app = PostgresApps.Start(folder.Path, PostgresApps.Settings(database, seedDemo: false));
        await test(app);
    }
}
