using System.ComponentModel.DataAnnotations;

namespace AgriLink.Payments;

/// <summary>
/// Connect payouts: <c>Stripe:Payouts:Cooperatives:{cooperativeId}:…</c>. A cooperative without an entry keeps its
/// money on the platform account (booked in the ledger, not transferred).
/// </summary>
public sealed class PayoutOptions
{
    /// <summary>The village-collective fee for cooperatives that do not set their own, in basis points (1/100 of a percent).</summary>
    [Range(0, 10_000)] public int CollectiveFeeBasisPoints { get; set; }

    public Dictionary<string, CooperativePayout> Cooperatives { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Where one cooperative's card sales go: its connected account, a share to its leading enterprise (龙头企业) and a
/// fee to its village collective (村集体), both in basis points of each sub-order; the cooperative keeps the rest.
/// </summary>
public sealed class CooperativePayout
{
    /// <summary>The cooperative's connected account (<c>acct_…</c>).</summary>
    public string? Account { get; set; }

    public string? EnterpriseId { get; set; }
    public string? EnterpriseAccount { get; set; }
    [Range(0, 10_000)] public int EnterpriseBasisPoints { get; set; }

    public string? CollectiveId { get; set; }
    public string? CollectiveAccount { get; set; }

    /// <summary>Null: <see cref="PayoutOptions.CollectiveFeeBasisPoints"/>.</summary>
    [Range(0, 10_000)] public int? CollectiveFeeBasisPoints { get; set; }
}
