using AgriLink.Domain.AfterSales;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Audit;
using AgriLink.Grains.Common;
using AgriLink.Grains.Invoices;
using AgriLink.Grains.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.AfterSales;

[GenerateSerializer, Alias("AgriLink.AfterSalesState")]
public sealed record AfterSalesState
{
    [Id(0)] public AfterSalesCase? Case { get; init; }
}

/// <summary>
/// One sub-order's after-sales case. A step that agrees an amount is saved as Approved first; the refund follows (card:
/// the payment's Stripe grain, keyed by the case; invoice: the cooperative's book issues a credit note, once per case), the
/// order records it (once per case, and reverses trade and quota), and the case becomes Refunded. A refund cut short stays
/// Approved and is taken up again by the next call, the activation or a retry timer: every step is idempotent by the case.
/// </summary>
public sealed partial class AfterSalesCaseGrain(
    [PersistentState("aftersales", GrainStorage.Main)] IPersistentState<AfterSalesState> state,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<AfterSalesCaseGrain> logger) : Grain, IAfterSalesCaseGrain
{
    public const string AuditResource = "aftersales";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
    private IGrainTimer? _retry;

    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Case is { Status: AfterSalesStatus.Approved }) ScheduleRetry(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    public Task<AfterSalesCase?> Get() => Task.FromResult(state.State.Case);

    public async Task<AfterSalesCase> Request(string buyerId, long amountFen, string? reason, IReadOnlyList<string>? photoIds)
    {
        var key = SubOrderKey.Parse(Key);
        var order = await GrainFactory.GetGrain<IOrderGrain>(key.OrderId).Get();
        var sub = order.SubOrders.FirstOrDefault(s => s.CooperativeId == key.CooperativeId);
        if (order.BuyerId != buyerId || sub is null) throw new NotFoundException("sub-order", Key);
        DateTimeOffset? deliveredAt = sub.Status is OrderStatus.Delivered or OrderStatus.Completed ? order.DeliveredAt(key.CooperativeId) : null;
        var requested = AfterSalesRules.Request(key.OrderId, key.CooperativeId, buyerId, sub.AmountFen, sub.RefundedFen,
            order.PaymentMethod == PaymentMethod.Card, deliveredAt, state.State.Case, amountFen, reason, photoIds, clock.Now());
        return await Save(requested);
    }

    public Task<AfterSalesCase> Answer(AfterSalesAnswer answer, long? amountFen, string? note, string by)
    {
        var c = Existing();
        var now = clock.Now();
        return Save(answer switch
        {
            AfterSalesAnswer.Accept => AfterSalesRules.Accept(c, by, now),
            AfterSalesAnswer.Propose => AfterSalesRules.Propose(c, amountFen ?? 0, note, by, now),
            _ => AfterSalesRules.Refuse(c, note, by, now),
        });
    }

    public Task<AfterSalesCase> Reply(bool acceptProposal, string? note, string by) =>
        Save(acceptProposal ? AfterSalesRules.AcceptProposal(Existing(), by, clock.Now()) : AfterSalesRules.Escalate(Existing(), note, by, clock.Now()));

    public Task<AfterSalesCase> Decide(long amountFen, string? note, string by) =>
        Save(AfterSalesRules.Decide(Existing(), amountFen, note, by, clock.Now()));

    private async Task<AfterSalesCase> Save(AfterSalesCase after)
    {
        await Commit(after);
        if (after.Status == AfterSalesStatus.Approved) await RefundQuietly();
        return state.State.Case!;
    }

    private async Task Commit(AfterSalesCase after)
    {
        var before = state.State.Case;
        var raised = await state.CommitAsync(new AfterSalesState { Case = after }, sequence => Events(after, sequence),
            () => AuditEntries.For(AuditResource, Key, before, after));
        Live.MarketEvents.Publish(GrainFactory, raised);
    }

    /// <summary>The buyer and the cooperative hear of each step (<c>aftersales.changed</c>), numbered by the case's version.</summary>
    private IReadOnlyList<Live.MarketEvent> Events(AfterSalesCase c, long sequence)
    {
        var data = new { caseKey = c.Key, c.OrderId, c.CooperativeId, status = c.Status.ToString(), c.RequestedFen, c.ProposedFen, c.AgreedFen };
        var at = clock.Now();
        return [Live.MarketEvents.Create($"buyer:{c.BuyerId}", "aftersales.changed", $"aftersales:{c.Key}", sequence, at, data),
            Live.MarketEvents.Create($"coop:{c.CooperativeId}", "aftersales.changed", $"aftersales:{c.Key}", sequence, at, data)];
    }

    /// <summary>Pays back the agreed amount; a failure leaves the case Approved, retried later (each step is idempotent by the case).</summary>
    private async Task RefundQuietly()
    {
        try
        {
            await Refund();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRefundDeferred(e, Key);
            ScheduleRetry(RetryAfter);
        }
    }

    private async Task Refund()
    {
        if (state.State.Case is not { Status: AfterSalesStatus.Approved, AgreedFen: { } amount } c) return;
        var order = GrainFactory.GetGrain<IOrderGrain>(c.OrderId);
        var details = await order.Get();
        var actor = AuditIntent.For(AuditResource, Key)?.Actor ?? "system";
        string reference;
        if (c.ByCard)
        {
            var cards = services.GetService<ICardRefunds>()
                ?? throw new RuleViolationException("payment.not-configured", "Card payments are not configured: the card refund waits until they are.");
            reference = await cards.Refund(details.PaymentReference ?? throw new InvalidOperationException($"Order {c.OrderId} has no card payment."),
                c.CooperativeId, Key, amount);
        }
        else
        {
            var sub = details.SubOrders.Single(s => s.CooperativeId == c.CooperativeId);
            using (AuditIntent.Within(actor, "credit-note.issue", InvoiceBookGrain.CreditNoteResource, ""))
                reference = (await GrainFactory.GetGrain<IInvoiceBookGrain>(c.CooperativeId)
                    .IssueCreditNote(Key, c.BuyerId, c.OrderId, sub.InvoiceNumber, amount, $"售后退款 {c.Reason}")).Number;
        }
        using (AuditIntent.Within(actor, "order.aftersales-refund", "order", c.OrderId))
            await order.RecordAfterSalesRefund(new AfterSalesRefund(Key, c.CooperativeId, amount, reference, clock.Now()));
        await Commit(AfterSalesRules.Refunded(c, reference, clock.Now()));
    }

    private void ScheduleRetry(TimeSpan due)
    {
        if (_retry is not null) return;
        _retry = this.RegisterGrainTimer(async _ =>
        {
            _retry?.Dispose();
            _retry = null;
            await RefundQuietly();
        }, due, Timeout.InfiniteTimeSpan);
    }

    private AfterSalesCase Existing() => state.State.Case ?? throw new NotFoundException("aftersales", Key);

    [LoggerMessage(LogLevel.Warning, "After-sales case {CaseKey}: refund not finished; will retry")]
    private partial void LogRefundDeferred(Exception error, string caseKey);
}
