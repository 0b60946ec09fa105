namespace AgriLink.Payments;

/// <summary>
/// Splits one cooperative's sub-order among the cooperative, its enterprise and its village collective. Each share is
/// floored to the fen; the cooperative takes the remainder, so the parts always sum to the amount exactly.
/// </summary>
public static class PayoutSplit
{
    public const int FullBasisPoints = 10_000;

    public static IReadOnlyList<PayoutShare> Split(string cooperativeId, long amountFen, PayoutOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cooperativeId);
        ArgumentOutOfRangeException.ThrowIfNegative(amountFen);
        var payout = options.Cooperatives.GetValueOrDefault(cooperativeId);
        if (payout is null) return [new PayoutShare(PayoutRole.Cooperative, cooperativeId, null, amountFen)];

        var enterpriseBp = payout.EnterpriseId is null ? 0 : payout.EnterpriseBasisPoints;
        var collectiveBp = payout.CollectiveId is null ? 0 : payout.CollectiveFeeBasisPoints ?? options.CollectiveFeeBasisPoints;
        if (enterpriseBp < 0 || collectiveBp < 0 || enterpriseBp + collectiveBp > FullBasisPoints)
            throw new InvalidOperationException($"The payout of cooperative '{cooperativeId}' gives away more than the whole sub-order.");

        var enterprise = Part(amountFen, enterpriseBp);
        var collective = Part(amountFen, collectiveBp);
        var shares = new List<PayoutShare> { new(PayoutRole.Cooperative, cooperativeId, payout.Account, amountFen - enterprise - collective) };
        if (enterprise > 0) shares.Add(new(PayoutRole.Enterprise, payout.EnterpriseId!, payout.EnterpriseAccount, enterprise));
        if (collective > 0) shares.Add(new(PayoutRole.Collective, payout.CollectiveId!, payout.CollectiveAccount, collective));
        return shares;
    }

    // Exact in 128 bits: amount × bp never overflows.
    private static long Part(long amountFen, int basisPoints) => (long)((Int128)amountFen * basisPoints / FullBasisPoints);
}
