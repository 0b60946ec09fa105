namespace AgriLink.Payments;

/// <summary>One party's part of a sub-order: <paramref name="OwnerId"/> names it in the ledger, <paramref name="Account"/> on Stripe (null: not on Connect).</summary>
public sealed record PayoutShare(PayoutRole Role, string OwnerId, string? Account, long AmountFen);
