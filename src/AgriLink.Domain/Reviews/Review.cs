namespace AgriLink.Domain.Reviews;

/// <summary>
/// A buyer's review of one cooperative's part of an order (评价): the marks, an optional comment, the listings it covers
/// (the sub-order's), the cooperative's one answer, and — when the operator hid it — why, by whom and when (a hidden review
/// is kept and audited, never counted or shown).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Review")]
public sealed record Review(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string BuyerId,
    [property: Id(3)] ReviewScores Scores,
    [property: Id(4)] string Comment,
    [property: Id(5)] IReadOnlyList<string> ListingIds,
    [property: Id(6)] DateTimeOffset WrittenAt,
    [property: Id(7)] string? Reply = null,
    [property: Id(8)] DateTimeOffset? RepliedAt = null,
    [property: Id(9)] string? HiddenReason = null,
    [property: Id(10)] string? HiddenBy = null,
    [property: Id(11)] DateTimeOffset? HiddenAt = null)
{
    public bool Hidden => HiddenReason is not null;
}
