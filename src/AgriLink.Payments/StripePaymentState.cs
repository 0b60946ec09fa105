namespace AgriLink.Payments;

[GenerateSerializer, Alias("AgriLink.StripePaymentState")]
public sealed class StripePaymentState
{
    [Id(0)] public HashSet<string> ProcessedEvents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the payment was first seen succeeded: the time recorded with it, the same on every replay.</summary>
    [Id(1)] public DateTimeOffset? PaidAt { get; set; }

    /// <summary>False when the money arrived for an order that could no longer take it (it is refunded whole).</summary>
    [Id(2)] public bool? Applied { get; set; }

    [Id(3)] public List<PayoutTransfer> Transfers { get; set; } = [];

    [Id(4)] public HashSet<string> RecordedRefunds { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A Connect transfer made for one share of a sub-order, and whether it was reversed after a refund.</summary>
[GenerateSerializer, Alias("AgriLink.PayoutTransfer")]
public sealed record PayoutTransfer(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] PayoutRole Role,
    [property: Id(2)] string TransferId,
    [property: Id(3)] long AmountFen,
    [property: Id(4)] bool Reversed = false);
