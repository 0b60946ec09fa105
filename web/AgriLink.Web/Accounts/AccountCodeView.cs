namespace AgriLink.Web.Accounts;

/// <summary>An invitation or reset code as its issuer sees it later: never the code itself, which was shown once.</summary>
public sealed record AccountCodeView(
    string Id, string Purpose, string? Role, string? ObjectId, string DisplayName, string? Phone, string IssuedBy,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string Status, string? AccountId)
{
    public static AccountCodeView Of(AccountCode c, DateTimeOffset now) => new(
        c.Id, c.Purpose.ToString(), c.Role, c.ObjectId, c.DisplayName, c.Phone, c.IssuedByName,
        DateTimeOffset.FromUnixTimeMilliseconds(c.CreatedAt), DateTimeOffset.FromUnixTimeMilliseconds(c.ExpiresAt),
        StatusOf(c, now), c.AccountId);

    public static string StatusOf(AccountCode c, DateTimeOffset now) =>
        c.UsedAt is not null ? "Used"
        : c.RevokedAt is not null ? "Revoked"
        : now.ToUnixTimeMilliseconds() >= c.ExpiresAt ? "Expired"
        : "Open";
}

/// <summary>A code just issued: the code and its link, shown this once, with the record kept of it.</summary>
public sealed record IssuedCode(AccountCodeView Record, string Code, string Link);
