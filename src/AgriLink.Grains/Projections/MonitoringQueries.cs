using AgriLink.Domain.Codes;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The monitoring cases of a county, township or village from <c>monitoring_cases</c>: by stage, or only those overdue (the
/// current step's due date passed), ordered by id with keyset paging; and the cadres' visits. Private figures: the callers
/// pass only the areas the account acts for.
/// </summary>
public sealed class MonitoringQueries(AgriLinkDatabase database)
{
    private const string Columns =
        "SELECT id AS Id, household_id AS HouseholdId, head_name AS HeadName, township AS Township, village AS Village, channel AS Channel, " +
        "stage AS Stage, category AS Category, opened_at AS OpenedAt, due_by AS DueBy, warning AS Warning FROM monitoring_cases";

    /// <summary>
    /// The cases in <paramref name="areas"/> (county, township or village codes, 6, 9 or 12 digits; each level an equality
    /// on its own indexed column), by stage or only those overdue, a keyset page by id.
    /// </summary>
    public async Task<ListPage<CaseRow>> Cases(IReadOnlyCollection<string> areas, string? stage, DateTimeOffset? overdueAt, PageRequest page)
    {
        var parameters = new DynamicParameters(new { stage, after = page.After ?? "", limit = (long)page.Limit + 1, offset = (long)page.Offset });
        parameters.Add("now", overdueAt is { } now ? database.Dialect.ToDbTimestamp(now) : null);
        var where = " WHERE " + AreaCondition(areas, parameters) + (stage is null ? "" : " AND stage = @stage") + (overdueAt is null ? "" : " AND due_by < @now");
        var keyset = page.After is null ? "" : " AND id > @after";
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<Row>($"{Columns}{where}{keyset} ORDER BY id LIMIT @limit OFFSET @offset", parameters))
            .Select(r => r.ToCase()).ToList();
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM monitoring_cases{where}", parameters);
        var more = rows.Count > page.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ListPage<CaseRow>(rows, (int)total, more ? rows[^1].Id : null);
    }

    /// <summary>The areas as a condition: each level's codes on its column (county, township, village), any of them.</summary>
    private string AreaCondition(IReadOnlyCollection<string> areas, DynamicParameters parameters)
    {
        var levels = areas.Where(AreaCode.IsArea).Distinct(StringComparer.Ordinal).GroupBy(a => a.Length).ToList();
        if (levels.Count == 0) return "1 = 0";
        var conditions = levels.Select(level =>
        {
            var column = level.Key switch { AreaCode.County => "county_code", AreaCode.Township => "township_code", _ => "village_code" };
            parameters.Add(column, level.ToArray());
            return database.Dialect.InList(column, "@" + column);
        });
        return "(" + string.Join(" OR ", conditions) + ")";
    }

    /// <summary>A page of the households of these villages (12-digit codes) by id: the ones a cadre may visit.</summary>
    public async Task<IReadOnlyList<VillageHousehold>> HouseholdsIn(IReadOnlyCollection<string> villages, string? after, int limit)
    {
        var codes = villages.Where(AreaCode.IsVillage).Distinct(StringComparer.Ordinal).ToArray();
        if (codes.Length == 0) return [];
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<VillageHousehold>(
            $"SELECT id AS Id, head_name AS HeadName, village AS Village FROM households WHERE {database.Dialect.InList("village_code", "@codes")} " +
            "AND id > @after ORDER BY id LIMIT @limit", new { codes, after = after ?? "", limit = (long)limit })).AsList();
    }

    /// <summary>Up to two households of the village with this head's name (two: the name is ambiguous), with their county.</summary>
    public async Task<IReadOnlyList<(string Id, string CountyCode)>> HouseholdsNamed(string villageCode, string headName)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<(string, string)>(
            "SELECT id, county_code FROM households WHERE village_code = @villageCode AND head_name = @headName ORDER BY id LIMIT 2",
            new { villageCode, headName })).AsList();
    }

    /// <summary>A cadre's visits, newest first (ids sort by time), a keyset page before <paramref name="before"/>.</summary>
    public async Task<ListPage<VisitRow>> VisitsBy(string cadre, string? before, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<VisitRow>(
            "SELECT id AS Id, household_id AS HouseholdId, head_name AS HeadName, village AS Village, visited_on AS VisitedOn, found_risk AS FoundRisk, " +
            "case_id AS CaseId, note AS Note FROM monitoring_visits WHERE cadre = @cadre" + (before is null ? "" : " AND id < @before") +
            " ORDER BY id DESC LIMIT @limit", new { cadre, before, limit = (long)limit + 1 })).AsList();
        var total = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM monitoring_visits WHERE cadre = @cadre", new { cadre });
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ListPage<VisitRow>(rows, (int)total, more ? rows[^1].Id : null);
    }

    /// <summary>The stages of a confirmed monitored household (the county confirmed it; assistance due or under way): the market link's.</summary>
    private const string Confirmed = "stage IN ('Confirmed', 'Assisting')";

    /// <summary>
    /// The member households of these cooperatives whose case is confirmed and open, by cooperative: what matching weighs
    /// (never shown to a buyer by name). Each cooperative's members are read by its key and each member's cases by the
    /// household's index, so the read costs by the cooperatives' members, not the province's cases.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> MonitoredMembers(IReadOnlyCollection<string> cooperativeIds)
    {
        var ids = cooperativeIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return new Dictionary<string, IReadOnlySet<string>>();
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Cooperative, string Member)>(
            "SELECT DISTINCT m.cooperative_id, m.member_id FROM cooperative_members m JOIN monitoring_cases c ON c.household_id = m.member_id " +
            $"WHERE {database.Dialect.InList("m.cooperative_id", "@ids")} AND c.{Confirmed}", new { ids });
        return rows.GroupBy(r => r.Cooperative, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(r => r.Member).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>
    /// A cooperative's member households under confirmed monitoring, by member id (keyset after <paramref name="after"/>):
    /// whom it may offer an offtake or a preferred share. Name and village only: no category, stage or case.
    /// </summary>
    public async Task<IReadOnlyList<MonitoredMember>> MonitoredMembersOf(string cooperativeId, string? after, int limit)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<MonitoredMember>(
            "SELECT DISTINCT m.member_id AS MemberId, m.display_name AS DisplayName, c.village AS Village FROM cooperative_members m " +
            $"JOIN monitoring_cases c ON c.household_id = m.member_id WHERE m.cooperative_id = @cooperativeId AND c.{Confirmed} AND m.member_id > @after " +
            "ORDER BY m.member_id LIMIT @limit", new { cooperativeId, after = after ?? "", limit = (long)limit })).AsList();
    }

    /// <summary>The household's open case, if any (a household has one case at a time).</summary>
    public async Task<string?> OpenCaseOf(string householdId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT id FROM monitoring_cases WHERE household_id = @householdId AND stage NOT IN ('Closed', 'Dismissed') ORDER BY id LIMIT 1",
            new { householdId });
    }

    /// <summary>A page of a county's households in id order (for the warnings): their size and poverty status.</summary>
    public async Task<IReadOnlyList<HouseholdRow>> HouseholdsOf(string county, string? after, int limit)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string Id, long People, string Status)>(
            "SELECT id, people, poverty_status FROM households WHERE county_code = @county AND id > @after ORDER BY id LIMIT @limit",
            new { county, after = after ?? "", limit = (long)limit });
        return rows.Select(r => new HouseholdRow(r.Id, (int)r.People, Enum.Parse<Domain.Households.PovertyStatus>(r.Status))).ToList();
    }

    /// <summary>The counties that have households (where the warnings run).</summary>
    public async Task<IReadOnlyList<string>> CountiesWithHouseholds()
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT DISTINCT county_code FROM households ORDER BY county_code")).AsList();
    }

    /// <summary>Settable, so Dapper fills it from either engine (times come back as text or as a time).</summary>
    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string HouseholdId { get; set; } = "";
        public string HeadName { get; set; } = "";
        public string Township { get; set; } = "";
        public string Village { get; set; } = "";
        public string Channel { get; set; } = "";
        public string Stage { get; set; } = "";
        public string? Category { get; set; }
        public object OpenedAt { get; set; } = "";
        public object? DueBy { get; set; }
        public string? Warning { get; set; }

        public CaseRow ToCase() =>
            new(Id, HouseholdId, HeadName, Township, Village, Channel, Stage, Category, Timestamps.China(OpenedAt),
                DueBy is null or DBNull ? null : Timestamps.China(DueBy), Warning);
    }
}

/// <summary>A case as the county's list shows it: the household, how it was found, its stage and category, and when its step is due.</summary>
public sealed record CaseRow(
    string Id, string HouseholdId, string HeadName, string Township, string Village, string Channel, string Stage, string? Category,
    DateTimeOffset OpenedAt, DateTimeOffset? DueBy, string? Warning);

/// <summary>A member household under confirmed monitoring, as its cooperative sees it: who and where, nothing of the case.</summary>
public sealed record MonitoredMember(string MemberId, string DisplayName, string Village);

/// <summary>A household as the warnings read it: its size and poverty status.</summary>
public sealed record HouseholdRow(string Id, int People, Domain.Households.PovertyStatus Status);

/// <summary>A household a cadre may visit: its id, head and village.</summary>
public sealed record VillageHousehold(string Id, string HeadName, string Village);

/// <summary>A visit in its cadre's list.</summary>
public sealed class VisitRow
{
    public string Id { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string HeadName { get; set; } = "";
    public string Village { get; set; } = "";
    /// <summary>The day, as the engine returns it (text or a date).</summary>
    public object VisitedOn { get; set; } = "";
    public bool FoundRisk { get; set; }
    public string? CaseId { get; set; }
    public string Note { get; set; } = "";

    public string Day => VisitedOn switch { DateOnly d => d.ToString("yyyy-MM-dd"), DateTime t => t.ToString("yyyy-MM-dd"), var o => o.ToString() ?? "" };
}
