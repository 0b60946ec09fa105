using System.Runtime.ExceptionServices;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Orders;
using AgriLink.Grains.Common;
using AgriLink.Grains.Listings;
using Microsoft.Extensions.Logging;

namespace AgriLink.Grains.Orders;

/// <summary>The order's calls to listings, indexes and postings, and how it shows itself.</summary>
public sealed partial class OrderGrain
{
    /// <summary>
    /// Holds every line in parallel; if one is refused, releases them all and says which line failed: a listing's refusal
    /// (sold out, not available, below the minimum) is answered, anything else thrown.
    /// </summary>
    private async Task<(List<ReservedLine> Lines, Refusal? Refused)> ReserveAll(IReadOnlyList<OrderLineRequest> lines, DateTimeOffset holdUntil)
    {
        var attempts = await Task.WhenAll(lines.Select(async line =>
        {
            try
            {
                var outcome = await GrainFactory.Get<IListingGrain>(line.ListingId).TryReserve(Id, line.Quantity, holdUntil);
                return (outcome.Line, Error: outcome.Refused?.ToException() as Exception, Refused: outcome.Refused is not null);
            }
            catch (Exception e)
            {
                return (Line: (ReservedLine?)null, Error: e, Refused: false);
            }
        }));
        var failed = Array.FindIndex(attempts, a => a.Error is not null);
        if (failed < 0) return (attempts.Select(a => a.Line!).ToList(), null);

        // Release every line that may be held: the granted ones, and any whose call failed (a line that timed out may
        // still have been held). A line the listing refused holds nothing.
        await Task.WhenAll(lines.Where((_, i) => !attempts[i].Refused).Select(line => ReleaseQuietly(line.ListingId)));
        var failure = LineFailure(failed, lines[failed].ListingId, attempts[failed].Error!);
        return attempts[failed].Refused && failure is RuleViolationException refusal ? ([], Refusal.Of(refusal)) : throw failure;
    }

    internal static Exception LineFailure(int index, string listingId, Exception error) => error switch
    {
        RuleViolationException r => new RuleViolationException(r.Code, $"Line {index + 1} ({listingId}): {r.Message}", r.Unprocessable),
        NotFoundException => ValidationFailedException.For($"lines[{index}].listingId", $"No listing with id '{listingId}'."),
        ValidationFailedException v => new ValidationFailedException(v.Errors.ToDictionary(e => $"lines[{index}].{e.Key}", e => e.Value)),
        _ => Rethrow(error),
    };

    private static Exception Rethrow(Exception error)
    {
        ExceptionDispatchInfo.Capture(error).Throw();
        return error;
    }

    private async Task ReleaseQuietly(string listingId)
    {
        try
        {
            await GrainFactory.GetGrain<IListingGrain>(listingId).Release(Id);
        }
        catch (Exception e)
        {
            // The hold runs out by itself; the listing then asks this order, which answers Release.
            LogStockCallFailed(e, Id, listingId, "release");
        }
    }

    /// <summary>The sale is final at these listings. A lost confirmation heals itself: the listing asks when the hold runs out.</summary>
    private async Task ConfirmStock(IEnumerable<SubOrderState> subOrders) =>
        await Task.WhenAll(subOrders.SelectMany(s => s.Lines).Select(async line =>
        {
            try
            {
                await GrainFactory.GetGrain<IListingGrain>(line.Reserved.ListingId).Confirm(Id);
            }
            catch (Exception e)
            {
                LogStockCallFailed(e, Id, line.Reserved.ListingId, "confirm");
            }
        }));

    /// <summary>
    /// Finishes what saved transitions left to do: cancelled sub-orders' stock goes back; completed ones post member
    /// trade and quota. Each step is flagged when done, so a retry (next call, timer, activation) never repeats it.
    /// </summary>
    private async Task Settle()
    {
        var changed = new Dictionary<string, SubOrderState>(StringComparer.Ordinal);
        var events = new List<OrderEvent>();
        var retry = false;
        foreach (var sub in S.SubOrders.Where(s => s.NeedsStockReturn || s.NeedsPosting))
        {
            var next = sub;
            if (sub.NeedsStockReturn)
            {
                // Release puts back held stock. A sale the listing already confirmed is not released by it.
                try
                {
                    await Task.WhenAll(sub.Lines.Select(l => GrainFactory.GetGrain<IListingGrain>(l.Reserved.ListingId).Release(Id)));
                    next = next with { StockReturned = true };
                }
                catch (Exception e)
                {
                    LogStockCallFailed(e, Id, sub.CooperativeId, "return");
                    retry = true;
                }
            }
            if (next.Flow.Status == OrderStatus.Completed && !next.TradePosted)
            {
                var (done, refused) = await Post(() => OrderPostings.PostTrade(GrainFactory, Id, next), sub.CooperativeId, "trade");
                if (done) next = next with { TradePosted = true };
                if (refused is not null) events.Add(refused);
                retry |= !done;
            }
            if (next.Flow.Status == OrderStatus.Completed && !next.QuotaPosted)
            {
                var (done, refused) = await Post(() => OrderPostings.PostQuota(GrainFactory, Id, S.Command!.BuyerId, next), sub.CooperativeId, "quota");
                if (done) next = next with { QuotaPosted = true };
                if (refused is not null) events.Add(refused);
                retry |= !done;
            }
            // Refunds after sales take back what the postings above counted: after them, each once (idempotent by reference).
            if (next.Flow.Status == OrderStatus.Completed && next.TradePosted && next.QuotaPosted)
            {
                var refunds = new List<AfterSalesRefundState>();
                foreach (var r in next.AfterSalesRefunds)
                {
                    var reversed = r;
                    if (!r.TradeReversed)
                    {
                        var (done, refused) = await Post(() => OrderPostings.ReverseTrade(GrainFactory, Id, next, r.Refund), sub.CooperativeId, "trade-reversal");
                        if (done) reversed = reversed with { TradeReversed = true };
                        if (refused is not null) events.Add(refused);
                        retry |= !done;
                    }
                    if (!r.QuotaReversed)
                    {
                        var (done, refused) = await Post(() => OrderPostings.ReverseQuota(GrainFactory, Id, S.Command!.BuyerId, next, r.Refund), sub.CooperativeId, "quota-reversal");
                        if (done) reversed = reversed with { QuotaReversed = true };
                        if (refused is not null) events.Add(refused);
                        retry |= !done;
                    }
                    refunds.Add(reversed);
                }
                if (!refunds.SequenceEqual(next.AfterSalesRefunds)) next = next with { AfterSalesRefunds = refunds };
            }
            if (next != sub) changed[sub.CooperativeId] = next;
        }
        if (changed.Count > 0)
        {
            try
            {
                await state.CommitAsync(S with
                {
                    SubOrders = S.SubOrders.Select(s => changed.GetValueOrDefault(s.CooperativeId, s)).ToList(),
                    History = [.. S.History, .. events],
                });
            }
            catch (Exception e)
            {
                // The postings are idempotent by reference: doing them again later counts them once.
                LogSettleFailed(e, Id);
                retry = true;
            }
        }
        if (retry) ScheduleRetry(RetryAfter);
    }

    /// <summary>Any call retries what an earlier one left undone (a retry timer also does, while the order stays active).</summary>
    private Task SettleIfPending() =>
        S.SubOrders.Any(s => s.NeedsStockReturn || s.NeedsPosting) ? Settle() : Task.CompletedTask;

    /// <summary>
    /// Runs one posting. A rule's refusal (say, the year's dividend is already approved) will not change on retry: it is
    /// written into the history and not tried again. Anything else (a timeout, a silo restarting) is retried.
    /// </summary>
    private async Task<(bool Done, OrderEvent? Refused)> Post(Func<Task> posting, string cooperativeId, string what)
    {
        try
        {
            await posting();
            return (true, null);
        }
        catch (DomainException e)
        {
            LogPostingRefused(Id, cooperativeId, what, e.Code);
            return (true, new OrderEvent(clock.Now(), $"{what}-posting-refused:{e.Code}", "system (System)", cooperativeId));
        }
        catch (Exception e)
        {
            LogPostingFailed(e, Id, cooperativeId, what);
            return (false, null);
        }
    }

    private void ScheduleRetry(TimeSpan due)
    {
        if (_retry is not null) return;
        _retry = this.RegisterGrainTimer(async _ =>
        {
            _retry?.Dispose();
            _retry = null;
            await Settle();
        }, due, Timeout.InfiniteTimeSpan);
    }

    private OrderDetails Details()
    {
        var s = Existing();
        var command = s.Command!;
        var subOrders = s.SubOrders.Select(sub => new SubOrder(sub.CooperativeId, sub.Flow.Status, sub.Lines, sub.AmountFen, sub.InvoiceNumber,
            command.PaymentMethod == PaymentMethod.Card && sub.Flow.Paid ? s.PaymentReference : sub.BankReference, sub.Flow.RefundPending,
            sub.Shipment, sub.RefundedFen)).ToList();
        return new OrderDetails(Id, command.BuyerId, command.PaymentMethod, Summarize(s.SubOrders), subOrders, s.SubOrders.Sum(x => x.AmountFen),
            command.DeliveryRegionCode, command.DeliveryAddress, command.Note, s.PlacedAt,
            s.SubOrders.Any(x => x.Flow.Status == OrderStatus.AwaitingPayment) ? s.PaymentDueBy : null, s.PaymentReference, s.History,
            command.RecipientName, command.RecipientPhone, command.RequestedDeliveryDate);
    }

    /// <summary>The least advanced live sub-order; when none is live, Refunded if all were refunded, else Cancelled.</summary>
    internal static OrderStatus Summarize(IReadOnlyList<SubOrderState> subOrders)
    {
        var live = subOrders.Where(s => s.Flow.IsLive).ToList();
        if (live.Count > 0) return live.MinBy(s => s.Flow.Progress)!.Flow.Status;
        return subOrders.All(s => s.Flow.Status == OrderStatus.Refunded) ? OrderStatus.Refunded : OrderStatus.Cancelled;
    }

    private static PlaceOrder Normalize(PlaceOrder c) => c with
    {
        BuyerId = c.BuyerId.Trim(),
        Lines = c.Lines.Select(l => new OrderLineRequest(l.ListingId.Trim(), l.Quantity)).ToList(),
        DeliveryRegionCode = c.DeliveryRegionCode.Trim(),
        DeliveryAddress = c.DeliveryAddress.Trim(),
        Note = string.IsNullOrWhiteSpace(c.Note) ? null : c.Note.Trim(),
        RecipientName = string.IsNullOrWhiteSpace(c.RecipientName) ? null : c.RecipientName.Trim(),
        // One form per number (0851 12345678 and 0851-12345678 are the same phone), so a retry compares equal.
        RecipientPhone = Domain.Codes.PhoneNumber.TryParse(c.RecipientPhone, out var phone) ? phone.Value : null,
    };

    private static bool SameCommand(PlaceOrder a, PlaceOrder b) =>
        a with { Lines = [] } == b with { Lines = [] } && a.Lines.SequenceEqual(b.Lines);

    [LoggerMessage(LogLevel.Information, "Order {OrderId} placed by buyer {BuyerId}: {SubOrders} sub-orders, paid by {PaymentMethod}")]
    private partial void LogPlaced(string orderId, string buyerId, int subOrders, PaymentMethod paymentMethod);

    [LoggerMessage(LogLevel.Information, "Order {OrderId}: sub-order {CooperativeId} cancelled by {Role}")]
    private partial void LogCancelled(string orderId, string cooperativeId, ActorRole role);

    [LoggerMessage(LogLevel.Information, "Order {OrderId} lapsed unpaid when the hold at listing {ListingId} ran out")]
    private partial void LogExpired(string orderId, string listingId);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: card payment {PaymentReference} of {AmountFen} fen refused ({DueFen} fen due); it must be refunded")]
    private partial void LogPaymentRefused(string orderId, string paymentReference, long amountFen, long dueFen);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: stock {Action} at {Target} failed")]
    private partial void LogStockCallFailed(Exception error, string orderId, string target, string action);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: {What} posting for {CooperativeId} refused with {Code}; not retried")]
    private partial void LogPostingRefused(string orderId, string cooperativeId, string what, string code);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: {What} posting for {CooperativeId} failed; will retry")]
    private partial void LogPostingFailed(Exception error, string orderId, string cooperativeId, string what);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: follow-up work not saved; will retry")]
    private partial void LogSettleFailed(Exception error, string orderId);
}
