using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The operator dashboard's figures. The page reads the county totals kept as rows (<see cref="Totals"/>: one row per
/// county and figure, whatever the size of the province); the GROUP BYs over the projections below compute the same
/// figures from scratch, for checks and tests.
/// </summary>
public sealed class ImpactQueries(AgriLinkDatabase database)
{
    /// <summary>
    /// The running totals (<see cref="CountyFigures"/>): per county, its cooperatives and their activity (counties with
    /// a cooperative), and its poor households and their income (counties with one).
    /// </summary>
    public async Task<(IReadOnlyList<CountyTotals> Counties, IReadOnlyList<CountyReach> Households)> Totals()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string County, string Figure, long Value)>("SELECT county_code, figure, value FROM county_totals");
        var byCounty = rows.GroupBy(r => r.County, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Figure, r => r.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        var counties = byCounty.Where(c => c.Value.GetValueOrDefault(CountyFigures.Cooperatives) > 0)
            .Select(c => new CountyTotals(c.Key, (int)c.Value[CountyFigures.Cooperatives], (int)Get(c.Value, CountyFigures.Members),
                (int)Get(c.Value, CountyFigures.Listings), (int)Get(c.Value, CountyFigures.CertifiedListings), (int)Get(c.Value, CountyFigures.Orders),
                Get(c.Value, CountyFigures.SalesFen), Get(c.Value, CountyFigures.CertifiedSalesFen)))
            .OrderBy(c => c.CountyCode, StringComparer.Ordinal).ToList();
        var households = byCounty.Where(c => c.Value.GetValueOrDefault(CountyFigures.PoorHouseholds) > 0)
            .Select(c => new CountyReach(c.Key, (int)c.Value[CountyFigures.PoorHouseholds], (int)Get(c.Value, CountyFigures.ReachedHouseholds),
                Get(c.Value, CountyFigures.SalesIncomeFen), Get(c.Value, CountyFigures.DividendsPaidFen), Get(c.Value, CountyFigures.DividendsOnNoticeFen)))
            .OrderBy(c => c.CountyCode, StringComparer.Ordinal).ToList();
        return (counties, households);
    }

    private static long Get(Dictionary<string, long> figures, string name) => figures.GetValueOrDefault(name);

    /// <summary>Whether a unit's year met its quota (declared, and the certified purchases reach it), as SQL over <c>buyer_quotas q</c>.</summary>
    private const string QuotaMet = "CASE WHEN q.declared AND q.counted_fen >= q.quota_fen THEN 1 ELSE 0 END";

    /// <summary>
    /// Budget units' quota years for the dashboard: how many units there are and how many met the year's quota, and the first
    /// <paramref name="limit"/> of them, those behind first and then by the size of their quota (a unit without a quota row
    /// for the year has declared nothing and counted nothing).
    /// </summary>
    public async Task<QuotaYear> Quotas(int year, int limit)
    {
        await using var connection = await database.OpenAsync();
        const string From = "FROM buyers b LEFT JOIN buyer_quotas q ON q.buyer_id = b.id AND q.year = @year WHERE b.type = 'BudgetUnit'";
        var (total, met) = await connection.QuerySingleAsync<(long, long)>($"SELECT COUNT(*), CAST(COALESCE(SUM({QuotaMet}), 0) AS BIGINT) {From}", new { year });
        var units = await connection.QueryAsync<QuotaUnit>(
            "SELECT b.id AS BuyerId, b.name AS Name, b.region_code AS RegionCode, " +
            "CAST(CASE WHEN q.declared THEN 1 ELSE 0 END AS BIGINT) AS Declared, CAST(COALESCE(q.budget_fen, 0) AS BIGINT) AS BudgetFen, " +
            "CAST(COALESCE(q.reserve_rate_bp, 0) AS BIGINT) AS ReserveRateBp, CAST(COALESCE(q.quota_fen, 0) AS BIGINT) AS QuotaFen, " +
            "CAST(COALESCE(q.counted_fen, 0) AS BIGINT) AS CountedFen, CAST(COALESCE(q.own_fen, 0) AS BIGINT) AS OwnFen, " +
            "CAST(COALESCE(q.union_fen, 0) AS BIGINT) AS UnionFen, CAST(COALESCE(q.employee_fen, 0) AS BIGINT) AS EmployeeFen " +
            $"{From} ORDER BY {QuotaMet}, COALESCE(q.quota_fen, 0) DESC, b.id LIMIT @limit",
            new { year, limit = (long)limit });
        return new QuotaYear((int)total, (int)met, units.AsList());
    }

    /// <summary>
    /// Per county (of the cooperative), from scratch: cooperatives, their members, listings on sale (active or sold out)
    /// and the certified ones among them, and sub-orders that count as sales with their amount and certified part.
    /// </summary>
    public async Task<IReadOnlyList<CountyTotals>> ByCounty(IReadOnlyCollection<string> saleStatuses)
    {
        await using var connection = await database.OpenAsync();
        var cooperatives = await Pairs(connection, "SELECT county_code AS County, COUNT(*) AS Count FROM cooperatives GROUP BY county_code");
        var members = await Pairs(connection,
            "SELECT c.county_code AS County, COUNT(*) AS Count FROM cooperative_members m JOIN cooperatives c ON c.id = m.cooperative_id GROUP BY c.county_code");
        var listings = (await connection.QueryAsync<(string County, long Count, long Certified)>(
                "SELECT c.county_code, COUNT(*), CAST(SUM(CASE WHEN l.certified THEN 1 ELSE 0 END) AS BIGINT) FROM listings l " +
                "JOIN cooperatives c ON c.id = l.cooperative_id WHERE l.status IN ('Active', 'SoldOut') GROUP BY c.county_code"))
            .ToDictionary(r => r.County, StringComparer.Ordinal);
        var sales = (await connection.QueryAsync<(string County, long Count, long Amount, long Certified)>(
                "SELECT c.county_code, COUNT(*), CAST(SUM(s.amount_fen) AS BIGINT), CAST(SUM(s.certified_fen) AS BIGINT) FROM sub_orders s " +
                $"JOIN cooperatives c ON c.id = s.cooperative_id WHERE {database.Dialect.InList("s.status", "@statuses")} GROUP BY c.county_code",
                new { statuses = saleStatuses.ToArray() }))
            .ToDictionary(r => r.County, StringComparer.Ordinal);

        return cooperatives.Select(c => new CountyTotals(c.Key, (int)c.Value, (int)members.GetValueOrDefault(c.Key),
            (int)listings.GetValueOrDefault(c.Key).Count, (int)listings.GetValueOrDefault(c.Key).Certified,
            (int)sales.GetValueOrDefault(c.Key).Count, sales.GetValueOrDefault(c.Key).Amount, sales.GetValueOrDefault(c.Key).Certified)).ToList();
    }

    /// <summary>The households on a poverty register (any status but not poor), by the poverty index.</summary>
    public async Task<IReadOnlyList<(string Id, string CountyCode, string Status)>> HouseholdsOnRegisters()
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<(string, string, string)>(
            "SELECT id, county_code, poverty_status FROM households WHERE poverty_status <> 'NotPoor' ORDER BY id")).AsList();
    }

    /// <summary>Every dividend line of the declarations in one of <paramref name="statuses"/>, with the declaration's status (from scratch).</summary>
    public async Task<IReadOnlyList<(string Status, string ShareholderId, long PaidFen)>> DividendLines(IReadOnlyCollection<string> statuses)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<(string, string, long)>(
            "SELECT d.status, l.shareholder_id, l.paid_fen FROM dividend_lines l JOIN dividend_declarations d ON d.id = l.declaration_id " +
            $"WHERE {database.Dialect.InList("d.status", "@statuses")} ORDER BY l.declaration_id, l.shareholder_id",
            new { statuses = statuses.ToArray() })).AsList();
    }

    /// <summary>Marketplace sales recorded as member trade, summed per household on a poverty register (any cooperative, any year).</summary>
    public async Task<IReadOnlyList<(string HouseholdId, long Fen)>> MarketplaceSalesOfHouseholdsOnRegisters()
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<(string, long)>(
            "SELECT t.member_id, CAST(SUM(t.amount_fen) AS BIGINT) FROM member_trade t JOIN households h ON h.id = t.member_id " +
            "WHERE t.source = 'Marketplace' AND h.poverty_status <> 'NotPoor' GROUP BY t.member_id")).AsList();
    }

    private static async Task<Dictionary<string, long>> Pairs(System.Data.Common.DbConnection connection, string sql) =>
        (await connection.QueryAsync<(string County, long Count)>(sql)).ToDictionary(r => r.County, r => r.Count, StringComparer.Ordinal);
}

/// <summary>One county's poor households (on a register), how many the marketplace or a dividend reached, and their income.</summary>
public sealed record CountyReach(string CountyCode, int PoorHouseholds, int Reached, long SalesIncomeFen, long DividendsPaidFen, long DividendsOnNoticeFen);

/// <summary>One county's dashboard totals.</summary>
public sealed record CountyTotals(
    string CountyCode, int Cooperatives, int Members, int Listings, int CertifiedListings, int Orders, long SalesFen, long CertifiedSalesFen);

/// <summary>The budget units of a year: how many, how many met their quota, and the first of them (<see cref="ImpactQueries.Quotas"/>).</summary>
public sealed record QuotaYear(int Units, int Met, IReadOnlyList<QuotaUnit> First);

/// <summary>A budget unit's quota year as projected (<see cref="Declared"/> is 1 or 0, as both engines give it).</summary>
public sealed record QuotaUnit
{
    public string BuyerId { get; init; } = "";
    public string Name { get; init; } = "";
    public string RegionCode { get; init; } = "";
    public long Declared { get; init; }
    public long BudgetFen { get; init; }
    public long ReserveRateBp { get; init; }
    public long QuotaFen { get; init; }
    public long CountedFen { get; init; }
    public long OwnFen { get; init; }
    public long UnionFen { get; init; }
    public long EmployeeFen { get; init; }
}
