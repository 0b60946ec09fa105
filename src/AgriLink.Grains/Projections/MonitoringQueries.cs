using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The monitoring cases of a county from <c>monitoring_cases</c>: by stage, or only those overdue (the current step's due
/// date passed), ordered by id with keyset paging. Private figures: the callers check the county first.
/// </summary>
public sealed class MonitoringQueries(AgriLinkDatabase database)
{
    private const string Columns =
        "SELECT id AS Id, household_id AS HouseholdId, head_name AS HeadName, township AS Township, village AS Village, channel AS Channel, " +
        "stage AS Stage, category AS Category, opened_at AS OpenedAt, due_by AS DueBy, warning AS Warning FROM monitoring_cases";

    public async Task<ListPage<CaseRow>> Cases(string county, string? stage, DateTimeOffset? overdueAt, PageRequest page)
    {
        var where = " WHERE county_code = @county" + (stage is null ? "" : " AND stage = @stage") + (overdueAt is null ? "" : " AND due_by < @now");
        var parameters = new DynamicParameters(new { county, stage, after = page.After ?? "", limit = (long)page.Limit + 1, offset = (long)page.Offset });
        parameters.Add("now", overdueAt is { } now ? database.Dialect.ToDbTimestamp(now) : null);
        var keyset = page.After is null ? "" : " AND id > @after";
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<Row>($"{Columns}{where}{keyset} ORDER BY id LIMIT @limit OFFSET @offset", parameters))
            .Select(r => r.ToCase()).ToList();
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM monitoring_cases{where}", parameters);
        var more = rows.Count > page.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ListPage<CaseRow>(rows, (int)total, more ? rows[^1].Id : null);
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

/// <summary>A household as the warnings read it: its size and poverty status.</summary>
public sealed record HouseholdRow(string Id, int People, Domain.Households.PovertyStatus Status);
