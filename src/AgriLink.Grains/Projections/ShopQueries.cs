using AgriLink.Domain.Households;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The public shop page of a cooperative, from the projections: where it stands on the platform, how many member households
/// it has and how many of them are on a poverty register, the enterprises among its members, and its certified products.
/// Each read costs by one cooperative (its members, its listings), never by the province.
/// </summary>
public sealed class ShopQueries(AgriLinkDatabase database)
{
    /// <summary>At most this many certified products or enterprises are listed on a shop page.</summary>
    public const int MaxShown = 50;

    /// <summary>The cooperative's row and figures, or null when no cooperative has that id.</summary>
    public async Task<ShopFacts?> Facts(string cooperativeId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<ShopRow>(
            "SELECT c.id AS Id, c.name AS Name, c.county_code AS CountyCode, c.village AS Village, " +
            "COALESCE((SELECT a.status FROM cooperative_admissions a WHERE a.cooperative_id = c.id), 'NotApplied') AS Admission, " +
            "(SELECT COUNT(*) FROM cooperative_members m JOIN households h ON h.id = m.member_id WHERE m.cooperative_id = c.id) AS Households, " +
            "(SELECT COUNT(*) FROM cooperative_members m JOIN households h ON h.id = m.member_id " +
            " WHERE m.cooperative_id = c.id AND h.poverty_status <> @notPoor) AS PoorHouseholds " +
            "FROM cooperatives c WHERE c.id = @cooperativeId",
            new { cooperativeId, notPoor = nameof(PovertyStatus.NotPoor) });
        if (row is null) return null;
        var enterprises = (await connection.QueryAsync<NamedRow>(
            "SELECT e.id AS Id, e.name AS Name FROM cooperative_members m JOIN enterprises e ON e.id = m.member_id " +
            "WHERE m.cooperative_id = @cooperativeId ORDER BY e.id LIMIT @limit", new { cooperativeId, limit = (long)MaxShown }))
            .Select(r => new ShopLink(r.Id, r.Name)).ToList();
        var certified = (await connection.QueryAsync<NamedRow>(
            "SELECT id AS Id, title AS Name FROM listings WHERE cooperative_id = @cooperativeId AND certified = @yes " +
            "AND status NOT IN ('Draft', 'Archived') ORDER BY id LIMIT @limit", new { cooperativeId, yes = true, limit = (long)MaxShown }))
            .Select(r => new ShopLink(r.Id, r.Name)).ToList();
        return new ShopFacts(row.Id, row.Name, row.CountyCode, row.Village, row.Admission, (int)row.Households, (int)row.PoorHouseholds,
            enterprises, certified);
    }

    private sealed class ShopRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string CountyCode { get; set; } = "";
        public string Village { get; set; } = "";
        public string Admission { get; set; } = "";
        public long Households { get; set; }
        public long PoorHouseholds { get; set; }
    }

    private sealed class NamedRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
    }
}

/// <summary>A cooperative as its shop page shows it; <see cref="Admission"/> is its <c>AdmissionStatus</c> name.</summary>
public sealed record ShopFacts(
    string Id, string Name, string CountyCode, string Village, string Admission, int MemberHouseholds, int PoorHouseholds,
    IReadOnlyList<ShopLink> Enterprises, IReadOnlyList<ShopLink> CertifiedProducts);

public sealed record ShopLink(string Id, string Name);
