namespace AgriLink.Domain.Complaints;

/// <summary>What a complaint is about (832 suspends suppliers on price and quality complaints).</summary>
[GenerateSerializer, Alias("AgriLink.ComplaintKind")]
public enum ComplaintKind
{
    Price = 0,
    Quality = 1,
}

[GenerateSerializer, Alias("AgriLink.ComplaintStatus")]
public enum ComplaintStatus
{
    Open = 0,
    Upheld = 1,
    Dismissed = 2,
}

/// <summary>
/// A buyer's complaint (投诉) about a cooperative's price or quality, optionally about one order, and the operator's
/// decision with its reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Complaint")]
public sealed record Complaint(
    [property: Id(0)] string Id,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] string CooperativeId,
    [property: Id(3)] string? OrderId,
    [property: Id(4)] ComplaintKind Kind,
    [property: Id(5)] string Text,
    [property: Id(6)] DateTimeOffset FiledAt,
    [property: Id(7)] ComplaintStatus Status = ComplaintStatus.Open,
    [property: Id(8)] string? DecidedBy = null,
    [property: Id(9)] DateTimeOffset? DecidedAt = null,
    [property: Id(10)] string? DecisionReason = null);
