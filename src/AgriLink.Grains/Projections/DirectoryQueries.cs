using System.Text;
using AgriLink.Grains.Directory;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// The lists of cooperatives, households, enterprises, village collectives, buyers and listings, read from their
/// projection tables: a filter on indexed columns, ordered by id, a page by keyset (<c>id &gt; after</c>) or offset,
/// and the filtered total. Each read costs by the page, not by the province.
/// </summary>
public sealed class DirectoryQueries(AgriLinkDatabase database)
{
    public Task<ListPage<DirectoryEntry>> Cooperatives(string? county, PageRequest page) =>
        PageAsync("SELECT id AS Id, name AS Name, county_code AS CountyCode, NULL AS ParentId, NULL AS Status FROM cooperatives",
            new Filter().Equal("county_code", county), page);

    /// <summary>
    /// A county's cooperatives with their admission status (NotApplied when none was recorded), all or those in one
    /// recorded <paramref name="status"/>: the county office's workspace.
    /// </summary>
    /// <summary>How many cooperatives stand at each admission status (those that never applied have no row).</summary>
    public async Task<IReadOnlyDictionary<string, int>> AdmissionCounts()
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM cooperative_admissions GROUP BY status"))
            .ToDictionary(r => r.Status, r => (int)r.Count, StringComparer.Ordinal);
    }

    /// <summary>Cooperatives (of a county, or all) with their admission status, optionally only those at one status.</summary>
    public Task<ListPage<DirectoryEntry>> CooperativeAdmissions(string? county, string? status, PageRequest page)
    {
        var filter = new Filter().Equal("county_code", county);
        if (status is not null)
            filter.Where("EXISTS (SELECT 1 FROM cooperative_admissions a WHERE a.cooperative_id = cooperatives.id AND a.status = @status)", ("status", status));
        return PageAsync("SELECT id AS Id, name AS Name, county_code AS CountyCode, NULL AS ParentId, " +
            "COALESCE((SELECT a.status FROM cooperative_admissions a WHERE a.cooperative_id = cooperatives.id), 'NotApplied') AS Status FROM cooperatives",
            filter, page);
    }

    public Task<ListPage<DirectoryEntry>> Enterprises(string? county, PageRequest page) =>
        PageAsync("SELECT id AS Id, name AS Name, county_code AS CountyCode, NULL AS ParentId, level AS Status FROM enterprises",
            new Filter().Equal("county_code", county), page);

    public Task<ListPage<DirectoryEntry>> VillageCollectives(string? county, PageRequest page) =>
        PageAsync("SELECT id AS Id, name AS Name, county_code AS CountyCode, NULL AS ParentId, NULL AS Status FROM village_collectives",
            new Filter().Equal("county_code", county), page);

    public Task<ListPage<DirectoryEntry>> Buyers(string? type, PageRequest page) =>
        PageAsync("SELECT id AS Id, name AS Name, region_code AS CountyCode, parent_buyer_id AS ParentId, type AS Status FROM buyers",
            new Filter().Equal("type", type), page);

    /// <summary>
    /// Households by county (and village, status); with <paramref name="visibleTo"/> only the members of those cooperatives
    /// and the one own household (a cooperative admin's or a household's view), else all (operators).
    /// </summary>
    public Task<ListPage<DirectoryEntry>> Households(string? county, string? status, HouseholdScope? visibleTo, PageRequest page)
    {
        var filter = new Filter().Equal("county_code", county).Equal("poverty_status", status);
        if (visibleTo is not null)
            filter.Where($"(id IN (SELECT member_id FROM cooperative_members WHERE {In("cooperative_id", "@cooperatives")}) OR id = @own)",
                ("cooperatives", visibleTo.CooperativeIds.ToArray()), ("own", visibleTo.OwnHousehold ?? ""));
        return PageAsync("SELECT id AS Id, head_name AS Name, county_code AS CountyCode, NULL AS ParentId, poverty_status AS Status FROM households",
            filter, page);
    }

    /// <summary>
    /// The registered households of a county that a cooperative could invite: not yet its members, whose head's name starts
    /// with <paramref name="namePrefix"/> and, given one, in <paramref name="village"/>. Each entry's <c>Status</c> is the
    /// household's village (its name and village are what the cooperative recognises it by; nothing of its poverty status).
    /// </summary>
    public Task<ListPage<DirectoryEntry>> HouseholdsToInvite(string county, string cooperativeId, string? namePrefix, string? village, PageRequest page)
    {
        var filter = new Filter().Equal("county_code", county).Equal("village", string.IsNullOrWhiteSpace(village) ? null : village.Trim())
            .Where("id NOT IN (SELECT member_id FROM cooperative_members WHERE cooperative_id = @cooperative)", ("cooperative", cooperativeId));
        if (!string.IsNullOrWhiteSpace(namePrefix))
            filter.Where(@"head_name LIKE @name ESCAPE '\'", ("name", LikeEscaped(namePrefix.Trim()) + "%"));
        return PageAsync("SELECT id AS Id, head_name AS Name, county_code AS CountyCode, NULL AS ParentId, village AS Status FROM households",
            filter, page);
    }

    private static string LikeEscaped(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    /// <summary>
    /// Listings by cooperative, county and status. A listing is in the list when the caller administers its cooperative
    /// (<paramref name="administered"/>; null for operators, who administer all), or when it is public (neither draft nor
    /// archived) and its cooperative may sell (admitted, not suspended).
    /// </summary>
    public Task<ListPage<DirectoryEntry>> Listings(string? cooperativeId, string? county, string? status, IReadOnlyCollection<string>? administered, PageRequest page)
    {
        var filter = new Filter().Equal("cooperative_id", cooperativeId).Equal("county_code", county).Equal("status", status);
        if (administered is not null)
            filter.Where($"({In("cooperative_id", "@administered")} OR (status NOT IN ('Draft', 'Archived') AND EXISTS " +
                   "(SELECT 1 FROM cooperative_admissions a WHERE a.cooperative_id = listings.cooperative_id AND a.may_sell = @selling)))",
                ("administered", administered.ToArray()), ("selling", true));
        return PageAsync("SELECT id AS Id, title AS Name, county_code AS CountyCode, cooperative_id AS ParentId, status AS Status FROM listings",
            filter, page);
    }

    /// <summary>The cooperatives <paramref name="memberId"/> is a member of (by the member index).</summary>
    public async Task<IReadOnlyList<DirectoryEntry>> CooperativesOfMember(string memberId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<DirectoryRow>(
            "SELECT c.id AS Id, c.name AS Name, c.county_code AS CountyCode, NULL AS ParentId, NULL AS Status " +
            "FROM cooperative_members m JOIN cooperatives c ON c.id = m.cooperative_id WHERE m.member_id = @memberId ORDER BY c.id",
            new { memberId })).Select(r => r.ToEntry()).ToList();
    }

    /// <summary>Every listing of a cooperative with its status (a cooperative's own few hundred at most).</summary>
    public async Task<IReadOnlyList<DirectoryEntry>> ListingsOf(string cooperativeId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<DirectoryRow>(
            "SELECT id AS Id, title AS Name, county_code AS CountyCode, cooperative_id AS ParentId, status AS Status " +
            "FROM listings WHERE cooperative_id = @cooperativeId ORDER BY id", new { cooperativeId })).Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The ids of listings in the given statuses, after <paramref name="after"/> in id order: for walking them all in pages.</summary>
    public async Task<IReadOnlyList<string>> ListingIds(IReadOnlyCollection<string> statuses, string? after, int limit)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>(
            $"SELECT id FROM listings WHERE {In("status", "@statuses")} AND id > @after ORDER BY id LIMIT @limit",
            new { statuses = statuses.ToArray(), after = after ?? "", limit = (long)limit })).AsList();
    }

    public async Task<int> CountListings(IReadOnlyCollection<string> statuses)
    {
        await using var connection = await database.OpenAsync();
        return (int)await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM listings WHERE {In("status", "@statuses")}", new { statuses = statuses.ToArray() });
    }

    /// <summary>
    /// What the cards of the listings a page shows (a market page, an order's lines) need beside the search's answer: each
    /// listing's cover photo and quantity sold, from its row and its running totals in one query, so the cost follows the
    /// page. Listings without a row are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ListingCard>> ListingCards(IEnumerable<string> listingIds)
    {
        var ids = listingIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return new Dictionary<string, ListingCard>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<CardRow>(
            "SELECT l.id AS Id, l.cover_photo_id AS PhotoId, CAST(l.cover_width AS BIGINT) AS Width, CAST(l.cover_height AS BIGINT) AS Height, " +
            "CAST(COALESCE(t.value, 0) AS BIGINT) AS SoldMilli FROM listings l " +
            "LEFT JOIN listing_totals t ON t.listing_id = l.id AND t.figure = @figure " +
            $"WHERE {In("l.id", "@ids")}", new { ids, figure = ListingFigures.SoldMilli });
        return rows.ToDictionary(r => r.Id, r => new ListingCard(
            r.PhotoId is null ? null : new Domain.Photos.Photo(r.PhotoId, (int)r.Width!.Value, (int)r.Height!.Value), ListingFigures.FromMilli(r.SoldMilli)),
            StringComparer.Ordinal);
    }

    /// <summary>The (order, listing) pairs of the given orders' lines.</summary>
    public async Task<IReadOnlyList<(string OrderId, string ListingId)>> OrderListings(IEnumerable<string> orderIds)
    {
        var ids = orderIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return [];
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<(string, string)>(
            $"SELECT order_id, listing_id FROM order_lines WHERE {In("order_id", "@ids")}", new { ids })).AsList();
    }

    private string In(string column, string parameter) => database.Dialect.InList(column, parameter);

    private async Task<ListPage<DirectoryEntry>> PageAsync(string select, Filter filter, PageRequest page)
    {
        var where = filter.Sql;
        var parameters = filter.Parameters;
        var keyset = page.After is null ? "" : (where.Length == 0 ? " WHERE " : " AND ") + "id > @after";
        parameters.Add("after", page.After);
        parameters.Add("limit", (long)page.Limit + 1);
        parameters.Add("offset", (long)page.Offset);
        var from = select[select.LastIndexOf(" FROM ", StringComparison.Ordinal)..];

        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<DirectoryRow>($"{select}{where}{keyset} ORDER BY id LIMIT @limit OFFSET @offset", parameters))
            .Select(r => r.ToEntry()).ToList();
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*){from}{where}", parameters);

        // One row more than asked says whether a next page exists, without a second query.
        var more = rows.Count > page.Limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ListPage<DirectoryEntry>(rows, (int)total, more ? rows[^1].Id : null);
    }

    /// <summary>A WHERE clause from fixed SQL and parameters; a null value leaves its condition out.</summary>
    private sealed class Filter
    {
        private readonly List<string> _conditions = [];

        public DynamicParameters Parameters { get; } = new();

        public string Sql => _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions);

        public Filter Equal(string column, string? value)
        {
            if (value is null) return this;
            _conditions.Add($"{column} = @{column}");
            Parameters.Add(column, value);
            return this;
        }

        public Filter Where(string condition, params (string Name, object Value)[] parameters)
        {
            _conditions.Add(condition);
            foreach (var (name, value) in parameters) Parameters.Add(name, value);
            return this;
        }
    }
}

/// <summary>
/// A row as read (Dapper fills properties; SQLite reports an all-NULL expression column as bytes, which a positional
/// record's constructor would refuse), then the API's <see cref="DirectoryEntry"/>.
/// </summary>
internal sealed class DirectoryRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string? ParentId { get; set; }
    public string? Status { get; set; }

    public DirectoryEntry ToEntry() => new(Id, Name, CountyCode, ParentId, Status);
}

/// <summary>Whose households a non-operator may list: the members of the cooperatives it administers, and its own household.</summary>
public sealed record HouseholdScope(IReadOnlyCollection<string> CooperativeIds, string? OwnHousehold);

/// <summary>A listing's card figures as read (Dapper fills properties; the cover columns are null without a photo).</summary>
internal sealed class CardRow
{
    public string Id { get; set; } = "";
    public string? PhotoId { get; set; }
    public long? Width { get; set; }
    public long? Height { get; set; }
    public long SoldMilli { get; set; }
}

/// <summary>A listing's cover photo (null without one) and the quantity sold (in its unit) as its card shows them.</summary>
public sealed record ListingCard(Domain.Photos.Photo? Cover, decimal Sold);
