using AgriLink.Web.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AgriLink.Web.Auth;

/// <summary>ASP.NET Core Identity's tables, in the same database as the grain state, and the accounts' own tables beside them.</summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options) : IdentityDbContext<AgriLinkUser>(options)
{
    public DbSet<AccountCode> AccountCodes => Set<AccountCode>();

    public DbSet<AccountSignIn> AccountSignIns => Set<AccountSignIn>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Created by AccountTables (added to databases made before them), not with Identity's: excluded from EF's creation.
        // Their columns are the properties' names in snake_case, like the rest of the AgriLink schema.
        builder.Entity<AccountCode>().ToTable(AccountCode.Table, t => t.ExcludeFromMigrations()).HasKey(c => c.Id);
        builder.Entity<AccountSignIn>().ToTable(AccountSignIn.Table, t => t.ExcludeFromMigrations()).HasKey(s => s.Id);
        foreach (var entity in new[] { builder.Entity<AccountCode>().Metadata, builder.Entity<AccountSignIn>().Metadata })
        foreach (var property in entity.GetProperties())
            property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
