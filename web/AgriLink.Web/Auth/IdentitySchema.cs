using AgriLink.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgriLink.Web.Auth;

/// <summary>
/// Creates Identity's tables on first start. EF's EnsureCreated skips a database that already has
/// tables (ours has grain state), so the check is for Identity's own table.
/// </summary>
public sealed class IdentitySchema(IServiceScopeFactory scopes, AgriLinkDatabase database) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await database.EnsureSchemaAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        var creator = store.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct)) await creator.CreateAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 0)
            await creator.CreateTablesAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
