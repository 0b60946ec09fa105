namespace AgriLink.Payments;

/// <summary>What a reconciliation found: the intent's status at Stripe and whether this call changed anything.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Reconciliation")]
public sealed record Reconciliation(
    [property: Id(0)] string PaymentIntentId,
    [property: Id(1)] string? OrderId,
    [property: Id(2)] string Status,
    [property: Id(3)] bool Duplicate,
    [property: Id(4)] int RefundsRecorded,
    [property: Id(5)] int TransfersMade,
    [property: Id(6)] int TransfersReversed);
