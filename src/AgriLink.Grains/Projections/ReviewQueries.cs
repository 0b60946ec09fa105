using System.Globalization;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>A rating: how many reviews count, and each mark's average in tenths (43 is 4.3), over the visible reviews.</summary>
public sealed record Rating(int Count, int QualityTenths, int FreshnessTenths, int PackagingTenths, int DeliveryTenths)
{
    /// <summary>The four marks' average in tenths.</summary>
    public int OverallTenths => Count == 0 ? 0 : (int)Math.Round((QualityTenths + FreshnessTenths + PackagingTenths + DeliveryTenths) / 4m, MidpointRounding.AwayFromZero);

    public static string Format(int tenths) => (tenths / 10m).ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>A review as the lists show it; <see cref="Next"/> of a page is the last row's sort key.</summary>
public sealed record ReviewRow(
    string Id, string CooperativeId, string OrderId, int Quality, int Freshness, int Packaging, int Delivery, string Comment, string? Reply,
    bool Hidden, DateTimeOffset WrittenAt, string SortKey);

/// <summary>
/// Reviews and ratings from <c>reviews</c> and <c>review_listings</c>: a cooperative's or a listing's rating (sums over its
/// visible rows), and its reviews newest first, a keyset page by the sort key. Hidden reviews are counted and listed only
/// for the operators.
/// </summary>
public sealed class ReviewQueries(AgriLinkDatabase database)
{
    private const string Columns =
        "r.id AS Id, r.cooperative_id AS CooperativeId, r.order_id AS OrderId, r.quality AS Quality, r.freshness AS Freshness, r.packaging AS Packaging, " +
        "r.delivery AS Delivery, r.comment AS Comment, r.reply AS Reply, r.hidden AS Hidden, r.sort_key AS SortKey";

    private const string Sums =
        "SELECT COUNT(*) AS Count, COALESCE(SUM(r.quality), 0) AS Quality, COALESCE(SUM(r.freshness), 0) AS Freshness, " +
        "COALESCE(SUM(r.packaging), 0) AS Packaging, COALESCE(SUM(r.delivery), 0) AS Delivery";

    public async Task<Rating> OfCooperative(string cooperativeId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QuerySingleAsync<SumRow>($"{Sums} FROM reviews r WHERE r.cooperative_id = @cooperativeId AND r.hidden = @no",
            new { cooperativeId, no = false })).ToRating();
    }

    public async Task<Rating> OfListing(string listingId)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QuerySingleAsync<SumRow>(
            $"{Sums} FROM review_listings l JOIN reviews r ON r.id = l.review_id WHERE l.listing_id = @listingId AND r.hidden = @no",
            new { listingId, no = false })).ToRating();
    }

    /// <summary>A cooperative's reviews, newest first (<paramref name="withHidden"/>: the operators' view).</summary>
    public Task<ListPage<ReviewRow>> ByCooperative(string cooperativeId, string? before, int limit, bool withHidden) =>
        Page($"FROM reviews r WHERE r.cooperative_id = @cooperativeId{(withHidden ? "" : " AND r.hidden = @no")}", new { cooperativeId }, before, limit);

    /// <summary>A listing's visible reviews, newest first.</summary>
    public Task<ListPage<ReviewRow>> ByListing(string listingId, string? before, int limit) =>
        Page("FROM review_listings l JOIN reviews r ON r.id = l.review_id WHERE l.listing_id = @listingId AND r.hidden = @no", new { listingId }, before, limit);

    /// <summary>Every review, newest first, hidden ones too: the operators' queue.</summary>
    public Task<ListPage<ReviewRow>> Latest(string? before, int limit) => Page("FROM reviews r WHERE 1 = 1", new { }, before, limit);

    private async Task<ListPage<ReviewRow>> Page(string from, object filter, string? before, int limit)
    {
        var parameters = new DynamicParameters(filter);
        parameters.Add("no", false);
        parameters.Add("before", before);
        parameters.Add("limit", (long)limit + 1);
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<Row>(
            $"SELECT {Columns} {from}{(before is null ? "" : " AND r.sort_key < @before")} ORDER BY r.sort_key DESC LIMIT @limit", parameters))
            .Select(r => r.ToReview()).ToList();
        var total = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) {from}", parameters);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ListPage<ReviewRow>(rows, (int)total, more ? rows[^1].SortKey : null);
    }

    /// <summary>Dapper fills properties (converting each engine's integer and boolean types), not positional records.</summary>
    private sealed class SumRow
    {
        public long Count { get; set; }
        public long Quality { get; set; }
        public long Freshness { get; set; }
        public long Packaging { get; set; }
        public long Delivery { get; set; }

        public Rating ToRating() => Count == 0
            ? new Rating(0, 0, 0, 0, 0)
            : new Rating((int)Count, Tenths(Quality), Tenths(Freshness), Tenths(Packaging), Tenths(Delivery));

        private int Tenths(long sum) => (int)Math.Round(sum * 10m / Count, MidpointRounding.AwayFromZero);
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string CooperativeId { get; set; } = "";
        public string OrderId { get; set; } = "";
        public int Quality { get; set; }
        public int Freshness { get; set; }
        public int Packaging { get; set; }
        public int Delivery { get; set; }
        public string Comment { get; set; } = "";
        public string? Reply { get; set; }
        public bool Hidden { get; set; }
        public string SortKey { get; set; } = "";

        public ReviewRow ToReview() => new(Id, CooperativeId, OrderId, Quality, Freshness, Packaging, Delivery, Comment, Reply, Hidden,
            new DateTimeOffset(long.Parse(SortKey.AsSpan(0, SortKey.IndexOf('|')), CultureInfo.InvariantCulture), TimeSpan.Zero), SortKey);
    }
}
