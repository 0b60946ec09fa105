using System.Security.Claims;
using AgriLink.Hosting;
using AgriLink.Storage;
using AgriLink.Storage.Audit;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Hosting;
using AgriLink.Web.Auth;
using AgriLink.Web.Extensions;
using AgriLink.Web.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AgriLink.Web.Accounts;

/// <summary>
/// Starting a real installation, from the command line with the app stopped (the database opened directly, no silo):
/// <list type="bullet">
/// <item><c>invite-operator --name 姓名 [--data DIR]</c> prints a one-time code that opens the first platform operator's
/// account at <c>/account/activate</c>; that operator then invites everyone else.</item>
/// <item><c>remove-demo-accounts [--data DIR]</c> deletes the demo's accounts (their password is published) and keeps the
/// demo seeding from making them again; the demo's cooperatives, orders and other data stay. Each removal is audited.</item>
/// </list>
/// Cluster mode reads <c>Storage:Provider</c> and the connection string as the app does.
/// </summary>
public static class AccountsCommand
{
    public const string InviteOperator = "invite-operator";
    public const string RemoveDemoAccounts = "remove-demo-accounts";
    /// <summary>Set once the demo accounts were removed: the demo seeding no longer makes them.</summary>
    public const string DemoAccountsRemovedKey = "demo.accounts-removed";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] is InviteOperator or RemoveDemoAccounts;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args[1..])
            .Build();
        var database = configuration.AgriLinkDatabase(DataFolder.Resolve(configuration));
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(database)
            .AddSingleton(TimeProvider.System)
            .AddMemoryCache()
            .AddSingleton<SessionStamps>()
            .AddSingleton<LoggingMessageSender>()
            .AddSingleton<ISmsSender>(s => s.GetRequiredService<LoggingMessageSender>())
            .AddSingleton<IEmailSender>(s => s.GetRequiredService<LoggingMessageSender>())
            .AddScoped<InvitationRules>()
            .AddScoped<AccountService>()
            .AddDbContext<IdentityStore>(o => o.UseAgriLinkDatabase(database));
        services.AddOptions<AccountsOptions>().Bind(configuration.GetSection(AccountsOptions.Section));
        services.AddIdentityCore<AgriLinkUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<IdentityStore>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        await IdentitySchema.EnsureAsync(database, store, CancellationToken.None);
        await IdentitySchema.EnsureRolesAsync(database, store, CancellationToken.None);
        return args[0] == InviteOperator
            ? await InviteAsync(configuration, scope.ServiceProvider, output)
            : await RemoveDemoAsync(database, scope.ServiceProvider, output);
    }

    private static async Task<int> InviteAsync(IConfiguration configuration, IServiceProvider services, TextWriter output)
    {
        var name = configuration["name"];
        if (string.IsNullOrWhiteSpace(name))
        {
            await output.WriteLineAsync($"Usage: {InviteOperator} --name 姓名 [--data DIR]");
            return 2;
        }
        // The installer stands in for an operator: the first one has no one to invite them.
        var installer = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, InviteOperator), new Claim(ClaimTypes.Role, Roles.PlatformAdmin)], "installer"));
        var issued = await services.GetRequiredService<AccountService>().InviteAsync(installer, new InvitationRequest(Roles.PlatformAdmin, null, name, null));
        var (row, code) = issued!.Value;
        await output.WriteLineAsync($"Invitation {row.Id} for a platform operator ({name}), valid until {DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAt):yyyy-MM-dd HH:mm} UTC.");
        await output.WriteLineAsync($"  Code: {code}");
        await output.WriteLineAsync($"  Open <site>/account/activate?code={Uri.EscapeDataString(code)} and choose a user name and password.");
        return 0;
    }

    private static async Task<int> RemoveDemoAsync(AgriLinkDatabase database, IServiceProvider services, TextWriter output)
    {
        var users = services.GetRequiredService<UserManager<AgriLinkUser>>();
        var store = services.GetRequiredService<IdentityStore>();
        var removed = 0;
        foreach (var account in DemoData.Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not { } user) continue;
            await using var turn = await database.EnterWriteAsync();
            await using var transaction = await store.Database.BeginTransactionAsync();
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException($"Removing {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            await SqlAuditLog.AppendWithinAsync(database, store.Database.GetDbConnection(), transaction.GetDbTransaction(), DateTimeOffset.UtcNow,
                new AuditRecord(RemoveDemoAccounts, "account.remove-demo", AccountService.AuditResource, user.Id, $"{{\"userName\":\"{account.UserName}\"}}", null));
            await transaction.CommitAsync();
            removed++;
        }
        await database.SetMetaAsync(DemoAccountsRemovedKey, DateTimeOffset.UtcNow.ToString("O"));
        await output.WriteLineAsync($"Removed {removed} demo accounts; the demo seeding will not make them again.");
        return 0;
    }
}
