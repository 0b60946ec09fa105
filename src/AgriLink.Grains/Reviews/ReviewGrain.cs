using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Reviews;
using AgriLink.Grains.Common;
using AgriLink.Grains.Orders;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Reviews;

[GenerateSerializer, Alias("AgriLink.ReviewState")]
public sealed record ReviewState
{
    [Id(0)] public Review? Review { get; init; }
}

public sealed class ReviewGrain(
    [PersistentState("review", GrainStorage.Main)] IPersistentState<ReviewState> state,
    TimeProvider clock) : Grain, IReviewGrain
{
    public const string AuditResource = "review";

    private SubOrderKey Key => SubOrderKey.Parse(this.GetPrimaryKeyString());

    public Task<Review?> Get() => Task.FromResult(state.State.Review);

    public async Task<Review> Write(string buyerId, ReviewScores scores, string? comment)
    {
        var key = Key;
        var order = await GrainFactory.GetGrain<IOrderGrain>(key.OrderId).Get();
        var sub = order.SubOrders.FirstOrDefault(s => s.CooperativeId == key.CooperativeId);
        if (order.BuyerId != buyerId || sub is null) throw new NotFoundException("review", key.ToString());
        // Delivered (or completed after delivery): the time the delivery was confirmed opens the window.
        DateTimeOffset? deliveredAt = sub.Status is OrderStatus.Delivered or OrderStatus.Completed
            ? order.DeliveredAt(key.CooperativeId)
            : null;
        var listings = sub.Lines.Select(l => l.Reserved.ListingId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var review = ReviewRules.Write(key.OrderId, key.CooperativeId, buyerId, listings, deliveredAt, state.State.Review, scores, comment, clock.Now());
        return await Save(review);
    }

    public Task<Review> Answer(string text) => Save(ReviewRules.Answer(Existing(), text, clock.Now()));

    public Task<Review> Hide(string reason, string by) => Save(ReviewRules.Hide(Existing(), reason, by, clock.Now()));

    private async Task<Review> Save(Review after)
    {
        await state.CommitAsync(new ReviewState { Review = after }, AuditEntries.Changes(AuditResource, this.GetPrimaryKeyString(), state.State.Review, after));
        return after;
    }

    private Review Existing() => state.State.Review ?? throw new NotFoundException("review", Key.ToString());
}

/// <summary>A review as its row of <c>reviews</c> and one row of <c>review_listings</c> per listing it covers.</summary>
internal sealed class ReviewProjector : StateProjector<ReviewState>
{
    public override string StateName => "review";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Reviews, ProjectionTables.ReviewListings];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, ReviewState state)
    {
        if (state.Review is not { } r) yield break;
        var s = r.Scores;
        yield return ProjectionTables.Reviews.Upsert(grainKey, r.CooperativeId, r.OrderId, r.BuyerId, (long)s.Quality, (long)s.Freshness,
            (long)s.Packaging, (long)s.Delivery, r.Comment, r.Reply, r.Hidden, r.WrittenAt, SortKey(r.WrittenAt, grainKey));
        foreach (var listing in r.ListingIds)
            yield return ProjectionTables.ReviewListings.Upsert(grainKey, listing, r.CooperativeId, SortKey(r.WrittenAt, grainKey));
    }

    /// <summary>Newest last in ordinal order on both engines (ticks, then the key): the lists page by it, newest first.</summary>
    internal static string SortKey(DateTimeOffset writtenAt, string grainKey) =>
        $"{writtenAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}|{grainKey}";
}
