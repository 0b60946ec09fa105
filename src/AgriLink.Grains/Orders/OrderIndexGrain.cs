using AgriLink.Domain.Orders;
using AgriLink.Grains.Common;
using Orleans.Concurrency;

namespace AgriLink.Grains.Orders;

/// <summary>
/// A list of order summaries that many order grains update at once (a flash sale sends hundreds into one
/// cooperative's list). Upserts go through <see cref="GroupCommit{TState}"/>: those that arrive while a write is in
/// flight go out together in the next write, so a burst costs a handful of writes, and an upsert returns once stored.
/// An older revision of a summary never replaces a newer one.
/// </summary>
[Reentrant]
public abstract class OrderIndexGrain : Grain
{
    private readonly GroupCommit<OrderIndexState> _commits;

    protected OrderIndexGrain(IPersistentState<OrderIndexState> state) =>
        _commits = new GroupCommit<OrderIndexState>(state, (_, _, _) => Task.CompletedTask);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commits.Reload();
        return Task.CompletedTask;
    }

    public Task Upsert(OrderSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return _commits.Submit(s =>
            s.Orders.TryGetValue(summary.OrderId, out var stored) && stored.Revision >= summary.Revision
                ? (s, false)
                : (s with { Orders = s.Orders.SetItem(summary.OrderId, summary) }, true));
    }

    public Task<IReadOnlyList<OrderSummary>> List(OrderStatus? status = null)
    {
        IReadOnlyList<OrderSummary> list = _commits.Committed.Orders.Values
            .Where(s => status is null || s.Status == status)
            .OrderByDescending(s => s.PlacedAt).ThenBy(s => s.OrderId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(list);
    }
}
