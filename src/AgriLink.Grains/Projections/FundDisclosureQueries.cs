using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>A fiscal fund as disclosed (资金变股金公示): where it came from, where it went, and what its shares earned each year.</summary>
public sealed record DisclosedFund(
    string CooperativeId, string CooperativeName, string CountyCode, string Village, string FundId, string Source, string DocumentNo,
    long AmountFen, int Year, string? Purpose, IReadOnlyList<FundYear> Earnings);

/// <summary>What a fund's shares earned in one distribution on notice or paid: paid, still owed (a floor carried), and by how many holdings.</summary>
public sealed record FundYear(int FiscalYear, string Status, long PaidFen, long OwedFen, int Holdings);

/// <summary>A holder of a fund's shares in a distribution, as the board may show them (a person's name to be masked).</summary>
public sealed record FundHolder(string HoldingId, string Name, bool IsPerson, long PaidFen, long OwedFen);

/// <summary>
/// The public fiscal-fund disclosure, from the projections only (<c>fiscal_funds</c>, <c>fund_dividends</c>, the
/// declarations' status and the cooperatives): a county's funds by keyset, a village's, one fund with its holders in its
/// latest distribution on notice or paid, and the village collective's income from its cooperatives' distributions.
/// Only distributions on notice or paid count: a draft is nobody's business yet.
/// </summary>
public sealed class FundDisclosureQueries(AgriLinkDatabase database)
{
    private const string Disclosed = "d.status IN ('Publicised', 'Paid')";

    /// <summary>A page of the county's funds in id order after <paramref name="after"/>; the id of the last when there are more.</summary>
    public async Task<(IReadOnlyList<DisclosedFund> Page, string? Next)> CountyFunds(string countyCode, string? after, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<FundRow>(
            $"SELECT {FundColumns} FROM cooperatives c JOIN fiscal_funds f ON f.cooperative_id = c.id " +
            "WHERE c.county_code = @countyCode AND f.id > @after ORDER BY f.id LIMIT @take",
            new { countyCode, after = after ?? "", take = (long)limit + 1 })).ToList();
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return (await WithEarnings(connection, rows), more ? rows[^1].Id : null);
    }

    /// <summary>The funds of a village's cooperatives (a village has a few), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DisclosedFund>> VillageFunds(string countyCode, string village, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<FundRow>(
            $"SELECT {FundColumns} FROM cooperatives c JOIN fiscal_funds f ON f.cooperative_id = c.id " +
            "WHERE c.county_code = @countyCode AND c.village = @village ORDER BY f.year DESC, f.id LIMIT @limit",
            new { countyCode, village, limit = (long)limit })).ToList();
        return await WithEarnings(connection, rows);
    }

    /// <summary>The cooperative's funds, newest year first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DisclosedFund>> CooperativeFunds(string cooperativeId, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<FundRow>(
            $"SELECT {FundColumns} FROM fiscal_funds f JOIN cooperatives c ON c.id = f.cooperative_id WHERE f.cooperative_id = @cooperativeId " +
            "ORDER BY f.year DESC, f.id LIMIT @limit", new { cooperativeId, limit = (long)limit })).ToList();
        return await WithEarnings(connection, rows);
    }

    public async Task<DisclosedFund?> Fund(string cooperativeId, string fundId)
    {
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<FundRow>(
            $"SELECT {FundColumns} FROM fiscal_funds f JOIN cooperatives c ON c.id = f.cooperative_id WHERE f.id = @id",
            new { id = $"{cooperativeId}:{fundId}" })).ToList();
        return (await WithEarnings(connection, rows)).FirstOrDefault();
    }

    /// <summary>
    /// The fund's holders in its latest distribution on notice or paid (<paramref name="year"/>), a page in holding order after
    /// <paramref name="after"/>; the key of the next page when there is one.
    /// </summary>
    public async Task<(IReadOnlyList<FundHolder> Page, string? Next)> Holders(string cooperativeId, string fundId, int year, string? after, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<HolderRow>(
            "SELECT fd.holding_id AS HoldingId, fd.shareholder_id AS ShareholderId, COALESCE(m.display_name, '') AS Name, m.kind AS Kind, " +
            "fd.paid_fen AS PaidFen, fd.owed_fen AS OwedFen FROM fund_dividends fd " +
            "LEFT JOIN cooperative_members m ON m.cooperative_id = fd.cooperative_id AND m.member_id = fd.shareholder_id " +
            "WHERE fd.declaration_id = @declarationId AND fd.fund_id = @fundId AND fd.holding_id > @after ORDER BY fd.holding_id LIMIT @take",
            new { declarationId = $"{cooperativeId}:{year}", fundId, after = after ?? "", take = (long)limit + 1 })).ToList();
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        // Fiscal-fund shares are quantified to households and individuals: a holder whose kind is unknown is masked too.
        return (rows.Select(r => new FundHolder(r.HoldingId, r.Name, r.Kind is null or "Household" or "Individual", r.PaidFen, r.OwedFen)).ToList(),
            more ? rows[^1].HoldingId : null);
    }

    /// <summary>
    /// What the village collectives (村集体) received from the distributions of the village's cooperatives, per year, newest
    /// first: their shares' dividends and the fees the charters pay them (三变 income, public per village).
    /// </summary>
    public async Task<IReadOnlyList<(int Year, long PaidFen)>> CollectiveIncome(string countyCode, string village)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<YearRow>(
            "SELECT d.fiscal_year AS Year, CAST(SUM(l.paid_fen) AS BIGINT) AS PaidFen FROM cooperatives c JOIN dividend_declarations d ON d.cooperative_id = c.id " +
            "JOIN dividend_lines l ON l.declaration_id = d.id JOIN village_collectives v ON v.id = l.shareholder_id " +
            $"WHERE c.county_code = @countyCode AND c.village = @village AND {Disclosed} GROUP BY d.fiscal_year ORDER BY d.fiscal_year DESC",
            new { countyCode, village })).Select(r => ((int)r.Year, r.PaidFen)).ToList();
    }

    /// <summary>Each fund's years, in one query for the whole page.</summary>
    private async Task<IReadOnlyList<DisclosedFund>> WithEarnings(System.Data.Common.DbConnection connection, List<FundRow> funds)
    {
        if (funds.Count == 0) return [];
        var earnings = (await connection.QueryAsync<EarningRow>(
            "SELECT fd.cooperative_id AS CooperativeId, fd.fund_id AS FundId, fd.fiscal_year AS FiscalYear, d.status AS Status, " +
            "CAST(SUM(fd.paid_fen) AS BIGINT) AS PaidFen, CAST(SUM(fd.owed_fen) AS BIGINT) AS OwedFen, COUNT(*) AS Holdings FROM fund_dividends fd " +
            $"JOIN dividend_declarations d ON d.id = fd.declaration_id WHERE {database.Dialect.InList("fd.cooperative_id", "@ids")} AND {Disclosed} " +
            "GROUP BY fd.cooperative_id, fd.fund_id, fd.fiscal_year, d.status ORDER BY fd.fiscal_year DESC",
            new { ids = funds.Select(f => f.CooperativeId).Distinct(StringComparer.Ordinal).ToArray() }))
            .ToLookup(e => (e.CooperativeId, e.FundId));
        return funds.Select(f => new DisclosedFund(f.CooperativeId, f.CooperativeName, f.CountyCode, f.Village, f.FundId, f.Source, f.DocumentNo,
            f.AmountFen, (int)f.Year, f.Purpose,
            earnings[(f.CooperativeId, f.FundId)].Select(e => new FundYear((int)e.FiscalYear, e.Status, e.PaidFen, e.OwedFen, (int)e.Holdings)).ToList())).ToList();
    }

    private const string FundColumns =
        "f.id AS Id, f.cooperative_id AS CooperativeId, c.name AS CooperativeName, c.county_code AS CountyCode, c.village AS Village, " +
        "f.fund_id AS FundId, f.source AS Source, f.document_no AS DocumentNo, f.amount_fen AS AmountFen, f.year AS Year, f.purpose AS Purpose";

    // Rows as read: Dapper fills properties.
    private sealed class FundRow
    {
        public string Id { get; set; } = "";
        public string CooperativeId { get; set; } = "";
        public string CooperativeName { get; set; } = "";
        public string CountyCode { get; set; } = "";
        public string Village { get; set; } = "";
        public string FundId { get; set; } = "";
        public string Source { get; set; } = "";
        public string DocumentNo { get; set; } = "";
        public long AmountFen { get; set; }
        public long Year { get; set; }
        public string? Purpose { get; set; }
    }

    private sealed class EarningRow
    {
        public string CooperativeId { get; set; } = "";
        public string FundId { get; set; } = "";
        public long FiscalYear { get; set; }
        public string Status { get; set; } = "";
        public long PaidFen { get; set; }
        public long OwedFen { get; set; }
        public long Holdings { get; set; }
    }

    private sealed class YearRow
    {
        public long Year { get; set; }
        public long PaidFen { get; set; }
    }

    private sealed class HolderRow
    {
        public string HoldingId { get; set; } = "";
        public string ShareholderId { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Kind { get; set; }
        public long PaidFen { get; set; }
        public long OwedFen { get; set; }
    }
}
