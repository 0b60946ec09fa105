using AgriLink.Domain.Reviews;
using Orleans.Concurrency;

namespace AgriLink.Grains.Reviews;

/// <summary>
/// The review of one cooperative's part of an order (key: <see cref="Orders.SubOrderKey"/>): written once by the order's buyer
/// after delivery (<see cref="ReviewRules"/>), answered once by the cooperative, hidden with a reason by an operator.
/// Each change is one row of <c>reviews</c> (with its listings in <c>review_listings</c>) and an audit entry, in one write.
/// </summary>
[Alias("AgriLink.IReviewGrain")]
public interface IReviewGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave] Task<Review?> Get();
    /// <summary>The buyer's review; the grain checks with the order that the buyer's sub-order was delivered, and when.</summary>
    [Alias("Write")] Task<Review> Write(string buyerId, ReviewScores scores, string? comment);
    [Alias("Answer")] Task<Review> Answer(string text);
    [Alias("Hide")] Task<Review> Hide(string reason, string by);
}
