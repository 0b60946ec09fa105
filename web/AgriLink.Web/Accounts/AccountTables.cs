using AgriLink.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace AgriLink.Web.Accounts;

/// <summary>
/// The accounts' own tables beside Identity's: one-time codes (invitations, password resets) and recent sign-ins. Created
/// if missing on every start, so a database made before them gets them too. The same text serves SQLite and PostgreSQL.
/// </summary>
public static class AccountTables
{
    private static readonly string[] Statements =
    [
        $"""
        CREATE TABLE IF NOT EXISTS {AccountCode.Table} (
            id TEXT NOT NULL PRIMARY KEY, purpose INTEGER NOT NULL, code_hash TEXT NOT NULL, role TEXT NULL, claim_type TEXT NULL,
            object_id TEXT NULL, display_name TEXT NOT NULL, phone TEXT NULL, issued_by_id TEXT NOT NULL, issued_by_name TEXT NOT NULL,
            created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, revoked_at BIGINT NULL, used_at BIGINT NULL, account_id TEXT NULL)
        """,
        $"CREATE UNIQUE INDEX IF NOT EXISTS ux_account_codes_hash ON {AccountCode.Table} (code_hash)",
        $"CREATE INDEX IF NOT EXISTS ix_account_codes_issuer ON {AccountCode.Table} (issued_by_id, created_at, id)",
        $"CREATE INDEX IF NOT EXISTS ix_account_codes_account ON {AccountCode.Table} (account_id)",
        $"""
        CREATE TABLE IF NOT EXISTS {AccountSignIn.Table} (
            id TEXT NOT NULL PRIMARY KEY, user_id TEXT NOT NULL, at BIGINT NOT NULL, address TEXT NULL, method TEXT NOT NULL)
        """,
        $"CREATE INDEX IF NOT EXISTS ix_account_sign_ins_user ON {AccountSignIn.Table} (user_id, at)",
    ];

    public static async Task EnsureAsync(IdentityStore store, CancellationToken ct)
    {
        foreach (var statement in Statements) await store.Database.ExecuteSqlRawAsync(statement, ct);
    }

}
