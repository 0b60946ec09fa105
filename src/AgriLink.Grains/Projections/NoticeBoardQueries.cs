using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The public notice board (公示栏) and the assembly lists, read from the projections only: a cooperative's plans on notice
/// (one row a year), a plan's lines by keyset, its assemblies and resolutions. No grain is asked.
/// </summary>
public sealed class NoticeBoardQueries(AgriLinkDatabase database)
{
    public async Task<BoardCooperative?> Cooperative(string cooperativeId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<CooperativeRow>(
            "SELECT id AS Id, name AS Name, county_code AS CountyCode, village AS Village FROM cooperatives WHERE id = @cooperativeId",
            new { cooperativeId })).Select(r => new BoardCooperative(r.Id, r.Name, r.CountyCode, r.Village)).FirstOrDefault();
    }

    /// <summary>
    /// A page of the cooperatives of one village (by county and village name) for the village's board, in id order after
    /// <paramref name="after"/>, and how many the village has: a page answers whether there is a next one.
    /// </summary>
    public async Task<(IReadOnlyList<BoardCooperative> Page, bool More, int Total)> VillageCooperatives(string countyCode, string village, string? after, int limit)
    {
        await using var connection = await database.OpenAsync();
        const string Where = "WHERE county_code = @countyCode AND village = @village";
        var rows = (await connection.QueryAsync<CooperativeRow>(
            $"SELECT id AS Id, name AS Name, county_code AS CountyCode, village AS Village FROM cooperatives {Where}" +
            (after is null ? "" : " AND id > @after") + " ORDER BY id LIMIT @take", new { countyCode, village, after, take = limit + 1 }))
            .Select(r => new BoardCooperative(r.Id, r.Name, r.CountyCode, r.Village)).ToList();
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM cooperatives {Where}", new { countyCode, village });
        return (rows.Take(limit).ToList(), rows.Count > limit, (int)total);
    }

    /// <summary>
    /// The village board's notices: each cooperative's latest plan that went on notice, in one query whatever the number of
    /// cooperatives (at most the village's <see cref="VillageCooperatives"/>).
    /// </summary>
    public async Task<IReadOnlyList<(string CooperativeId, BoardNotice Notice)>> LatestNotices(IReadOnlyCollection<string> cooperativeIds)
    {
        if (cooperativeIds.Count == 0) return [];
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<NoticeRow>(
            $"SELECT {NoticeColumns}, n.cooperative_id AS CooperativeId FROM dividend_notices n " +
            $"WHERE {database.Dialect.InList("n.cooperative_id", "@ids")} AND n.fiscal_year = " +
            "(SELECT MAX(l.fiscal_year) FROM dividend_notices l WHERE l.cooperative_id = n.cooperative_id) ORDER BY n.cooperative_id",
            new { ids = cooperativeIds.ToArray() })).Select(r => (r.CooperativeId, r.ToNotice())).ToList();
    }

    /// <summary>Every plan of the cooperative that went on notice, newest year first (the current notice and the archive).</summary>
    public async Task<IReadOnlyList<BoardNotice>> Notices(string cooperativeId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<NoticeRow>(
            $"SELECT {NoticeColumns} FROM dividend_notices n WHERE n.cooperative_id = @cooperativeId ORDER BY n.fiscal_year DESC LIMIT 50", new { cooperativeId }))
            .Select(r => r.ToNotice()).ToList();
    }

    /// <summary>A plan's lines in shareholder order after <paramref name="after"/>, with each shareholder's name as the cooperative knows it.</summary>
    public async Task<BoardLines> Lines(string declarationId, string cooperativeId, string? after, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<LineRow>(
            "SELECT l.shareholder_id AS ShareholderId, COALESCE(m.display_name, e.name, v.name, '') AS Name, m.kind AS Kind, " +
            "l.paid_fen AS PaidFen, l.owed_fen AS OwedFen FROM dividend_lines l " +
            "LEFT JOIN cooperative_members m ON m.cooperative_id = @cooperativeId AND m.member_id = l.shareholder_id " +
            "LEFT JOIN enterprises e ON e.id = l.shareholder_id LEFT JOIN village_collectives v ON v.id = l.shareholder_id " +
            "WHERE l.declaration_id = @declarationId AND l.shareholder_id > @after ORDER BY l.shareholder_id LIMIT @limit",
            new { declarationId, cooperativeId, after = after ?? "", limit = (long)limit + 1 })).ToList();
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        // A person unless the row names an organisation: an unknown shareholder's name is masked too.
        return new BoardLines(rows.Select(r => new BoardLine(r.Name,
                r.Kind is null ? !r.ShareholderId.StartsWith("ent-", StringComparison.Ordinal) && !r.ShareholderId.StartsWith("vc-", StringComparison.Ordinal)
                    : r.Kind is "Household" or "Individual",
                r.PaidFen, r.OwedFen)).ToList(),
            more ? rows[^1].ShareholderId : null);
    }

    /// <summary>
    /// The notice's check code (公示内容校验码, <see cref="Domain.Disclosure.NoticeDigest"/>) from its figures and its lines'
    /// digest, one row read; null while its lines are not projected yet.
    /// </summary>
    public async Task<string?> CheckCode(string cooperativeId, BoardNotice notice)
    {
        await using var connection = await database.OpenAsync();
        var digest = await connection.QueryFirstOrDefaultAsync<string?>(
            "SELECT digest FROM dividend_digests WHERE declaration_id = @declarationId", new { declarationId = notice.DeclarationId });
        return digest is null ? null : Domain.Disclosure.NoticeDigest.CheckCode(cooperativeId, notice.FiscalYear, notice.Figures, digest);
    }

    /// <summary>The cooperative's assemblies, newest first, after the key <paramref name="before"/>, with their resolutions.</summary>
    public async Task<IReadOnlyList<BoardAssembly>> Assemblies(string cooperativeId, int limit, string? before = null)
    {
        await using var connection = await database.OpenAsync();
        var assemblies = (await connection.QueryAsync<AssemblyRow>(
            $"SELECT {AssemblyColumns} FROM assemblies WHERE cooperative_id = @cooperativeId " +
            (before is null ? "" : "AND id < @before ") + "ORDER BY id DESC LIMIT @limit",
            new { cooperativeId, before, limit = (long)limit })).ToList();
        return await WithResolutions(connection, assemblies);
    }

    /// <summary>
    /// The village board's assemblies: the latest <paramref name="perCooperative"/> of each cooperative, in two queries
    /// whatever the number of cooperatives.
    /// </summary>
    public async Task<IReadOnlyList<BoardAssembly>> LatestAssemblies(IReadOnlyCollection<string> cooperativeIds, int perCooperative)
    {
        if (cooperativeIds.Count == 0) return [];
        await using var connection = await database.OpenAsync();
        var assemblies = (await connection.QueryAsync<AssemblyRow>(
            $"SELECT {AssemblyColumns} FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.cooperative_id ORDER BY a.called_on DESC, a.id DESC) AS n " +
            $"FROM assemblies a WHERE {database.Dialect.InList("a.cooperative_id", "@ids")}) ranked WHERE n <= @perCooperative ORDER BY cooperative_id, n",
            new { ids = cooperativeIds.ToArray(), perCooperative = (long)perCooperative })).ToList();
        return await WithResolutions(connection, assemblies);
    }

    private async Task<IReadOnlyList<BoardAssembly>> WithResolutions(System.Data.Common.DbConnection connection, List<AssemblyRow> assemblies)
    {
        if (assemblies.Count == 0) return [];
        var ids = assemblies.Select(a => a.Id).ToArray();
        var resolutions = (await connection.QueryAsync<ResolutionRow>(
            "SELECT assembly_id AS AssemblyId, resolution_id AS ResolutionId, subject AS Subject, title AS Title, fiscal_year AS FiscalYear, " +
            "passed AS Passed, yes_votes AS Yes, no_votes AS No, abstain_votes AS Abstain, total_votes AS TotalVotes, explanation AS Explanation " +
            $"FROM assembly_resolutions WHERE {database.Dialect.InList("assembly_id", "@ids")} ORDER BY assembly_id, resolution_id",
            new { ids })).ToLookup(r => r.AssemblyId);
        return assemblies.Select(a => a.ToAssembly(resolutions[a.Id].Select(r => r.ToResolution()).ToList())).ToList();
    }

    private const string AssemblyColumns =
        "id AS Id, cooperative_id AS CooperativeId, title AS Title, mode AS Mode, status AS Status, called_on AS CalledOn, closed_on AS ClosedOn, " +
        "present AS Present, seats AS Seats, total_votes AS TotalVotes, quorum_note AS QuorumNote";

    private const string NoticeColumns =
        "n.id AS DeclarationId, n.fiscal_year AS FiscalYear, n.status AS Status, n.notice_start AS NoticeStart, n.notice_end AS NoticeEnd, " +
        "n.surplus_fen AS SurplusFen, n.losses_made_good_fen AS LossesMadeGoodFen, n.reserve_rate_bp AS ReserveRateBp, n.reserve_fen AS ReserveFen, " +
        "n.welfare_rate_bp AS WelfareRateBp, n.welfare_fen AS WelfareFen, n.distributable_fen AS DistributableFen, n.trade_return_rate_bp AS TradeReturnRateBp, " +
        "n.trade_pool_fen AS TradePoolFen, n.floors_paid_fen AS FloorsPaidFen, n.second_round_fen AS SecondRoundFen, n.total_paid_fen AS TotalPaidFen, " +
        "n.line_count AS LineCount, n.open_objections AS OpenObjections, n.assembly_resolution AS AssemblyResolution, n.paid_on AS PaidOn";

    // Rows as read: Dapper fills properties; dates and booleans come back as each engine gives them.
    private sealed class CooperativeRow
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string CountyCode { get; set; } = "";
        public string Village { get; set; } = "";
    }

    private sealed class NoticeRow
    {
        public string CooperativeId { get; set; } = "";
        public string DeclarationId { get; set; } = "";
        public long FiscalYear { get; set; }
        public string Status { get; set; } = "";
        public object? NoticeStart { get; set; }
        public object? NoticeEnd { get; set; }
        public long SurplusFen { get; set; }
        public long LossesMadeGoodFen { get; set; }
        public long ReserveRateBp { get; set; }
        public long ReserveFen { get; set; }
        public long WelfareRateBp { get; set; }
        public long WelfareFen { get; set; }
        public long DistributableFen { get; set; }
        public long TradeReturnRateBp { get; set; }
        public long TradePoolFen { get; set; }
        public long FloorsPaidFen { get; set; }
        public long SecondRoundFen { get; set; }
        public long TotalPaidFen { get; set; }
        public long LineCount { get; set; }
        public long OpenObjections { get; set; }
        public string? AssemblyResolution { get; set; }
        public object? PaidOn { get; set; }

        public BoardNotice ToNotice() => new(DeclarationId, (int)FiscalYear, Status, DateOf(NoticeStart), DateOf(NoticeEnd), SurplusFen, LossesMadeGoodFen,
            (int)ReserveRateBp, ReserveFen, (int)WelfareRateBp, WelfareFen, DistributableFen, (int)TradeReturnRateBp, TradePoolFen, FloorsPaidFen,
            SecondRoundFen, TotalPaidFen, (int)LineCount, (int)OpenObjections, AssemblyResolution, DateOf(PaidOn));
    }

    private sealed class LineRow
    {
        public string ShareholderId { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Kind { get; set; }
        public long PaidFen { get; set; }
        public long OwedFen { get; set; }
    }

    private sealed class AssemblyRow
    {
        public string Id { get; set; } = "";
        public string CooperativeId { get; set; } = "";
        public string Title { get; set; } = "";
        public string Mode { get; set; } = "";
        public string Status { get; set; } = "";
        public object CalledOn { get; set; } = "";
        public object? ClosedOn { get; set; }
        public long? Present { get; set; }
        public long Seats { get; set; }
        public long TotalVotes { get; set; }
        public string? QuorumNote { get; set; }

        public BoardAssembly ToAssembly(IReadOnlyList<BoardResolution> resolutions) => new(Id, Title, Mode, Status, ColumnValues.Date(CalledOn),
            DateOf(ClosedOn), (int?)Present, (int)Seats, (int)TotalVotes, QuorumNote, resolutions);
    }

    private sealed class ResolutionRow
    {
        public string AssemblyId { get; set; } = "";
        public string ResolutionId { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Title { get; set; } = "";
        public long? FiscalYear { get; set; }
        public object? Passed { get; set; }
        public long? Yes { get; set; }
        public long? No { get; set; }
        public long? Abstain { get; set; }
        public long TotalVotes { get; set; }
        public string? Explanation { get; set; }

        public BoardResolution ToResolution() => new(ResolutionId, Subject, Title, (int?)FiscalYear,
            Passed is null or DBNull ? null : Convert.ToBoolean(Passed, System.Globalization.CultureInfo.InvariantCulture),
            (int?)Yes, (int?)No, (int?)Abstain, (int)TotalVotes, Explanation);
    }

    private static DateOnly? DateOf(object? value) => value is null or DBNull ? null : ColumnValues.Date(value);
}
