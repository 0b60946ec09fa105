using AgriLink.Domain.AfterSales;
using Orleans.Concurrency;

namespace AgriLink.Grains.AfterSales;

/// <summary>
/// The after-sales case (售后) of one cooperative's part of an order (key: <c>{order}:{cooperative}</c>, as a review's):
/// the buyer asks, the cooperative answers, the buyer accepts or escalates, the operator decides; an agreed amount is
/// refunded by card (Stripe) or by a credit note, and the order reverses member trade and quota for it, once.
/// Each step is one write of the case with its <c>aftersales_cases</c> row, its audit entry and its live events.
/// </summary>
[Alias("AgriLink.IAfterSalesCaseGrain")]
public interface IAfterSalesCaseGrain : IGrainWithStringKey
{
    [Alias("Get"), AlwaysInterleave] Task<AfterSalesCase?> Get();

    /// <summary>The buyer's request; the grain reads the order for the buyer, the delivery time and what was paid and refunded.</summary>
    [Alias("Request")] Task<AfterSalesCase> Request(string buyerId, long amountFen, string? reason, IReadOnlyList<string>? photoIds);

    /// <summary>The cooperative accepts, proposes <paramref name="amountFen"/>, or refuses (with a note).</summary>
    [Alias("Answer")] Task<AfterSalesCase> Answer(AfterSalesAnswer answer, long? amountFen, string? note, string by);

    /// <summary>The buyer accepts the cooperative's proposal (true) or escalates to the operator (false).</summary>
    [Alias("Reply")] Task<AfterSalesCase> Reply(bool acceptProposal, string? note, string by);

    /// <summary>The operator decides an escalated case: an amount (0: none) and why.</summary>
    [Alias("Decide")] Task<AfterSalesCase> Decide(long amountFen, string? note, string by);
}

/// <summary>The cooperative's answer to a request.</summary>
[GenerateSerializer, Alias("AgriLink.AfterSalesAnswer")]
public enum AfterSalesAnswer
{
    Accept = 0,
    Propose = 1,
    Refuse = 2,
}
