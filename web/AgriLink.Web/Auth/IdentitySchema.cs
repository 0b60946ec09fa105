using AgriLink.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgriLink.Web.Auth;

/// <summary>
/// Creates the AgriLink schema, Identity's tables and roles, and the accounts' tables on first start. EF's EnsureCreated skips a database that already
/// has tables (ours has grain state), so the check is for Identity's own table; on PostgreSQL, web nodes starting
/// together take turns (a database lock), so only the first creates them.
/// </summary>
public sealed class IdentitySchema(IServiceScopeFactory scopes, AgriLinkDatabase database) : IHostedService
{
    public const string UsersTable = "AspNetUsers";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        await EnsureAsync(database, store, ct);
        await EnsureRolesAsync(database, store, ct);
    }

    /// <summary>The AgriLink schema, then Identity's tables in <paramref name="store"/>'s database (the same one).</summary>
    public static async Task EnsureAsync(AgriLinkDatabase database, IdentityStore store, CancellationToken ct)
    {
        await database.EnsureSchemaAsync(ct);
        var creator = store.GetService<IRelationalDatabaseCreator>();
        await database.RunExclusiveAsync("agrilink.identity-schema", async token =>
        {
            if (!await database.TableExistsAsync(UsersTable, token)) await creator.CreateTablesAsync(token);
            await Accounts.AccountTables.EnsureAsync(store, token);
        }, ct);
    }

    /// <summary>
    /// The roles, before anyone is invited to one (the demo's seeding is no longer the only place that makes them). Not
    /// part of <see cref="EnsureAsync"/>: a migration's target gets the source's roles, copied.
    /// </summary>
    public static async Task EnsureRolesAsync(AgriLinkDatabase database, IdentityStore store, CancellationToken ct)
    {
        await database.RunExclusiveAsync("agrilink.identity-roles", async token =>
        {
            foreach (var role in Roles.All)
                if (!await store.Roles.AnyAsync(r => r.Name == role, token))
                    store.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
            await store.SaveChangesAsync(token);
        }, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
