using AgriLink.Domain.Orders;
using AgriLink.Grains.Common;
using Orleans.Concurrency;

namespace AgriLink.Grains.Orders;

/// <summary>
/// A list of order summaries that many order grains update at once (a flash sale sends hundreds into one
/// cooperative's list). Upserts that arrive while a write is in flight wait and go out together in the next write,
/// so a burst costs a handful of writes. Reentrant, yet writes stay serialized: only the write loop writes.
/// </summary>
[Reentrant]
public abstract class OrderIndexGrain(IPersistentState<OrderIndexState> state) : Grain
{
    private readonly Dictionary<string, OrderSummary> _pending = new(StringComparer.Ordinal);
    private TaskCompletionSource? _nextWrite;
    private bool _writing;

    public Task Upsert(OrderSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!IsNewer(summary)) return Task.CompletedTask;
        _pending[summary.OrderId] = summary;
        _nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = _nextWrite.Task;
        if (!_writing) _ = WriteLoop();
        return written;
    }

    public Task<IReadOnlyList<OrderSummary>> List(OrderStatus? status = null)
    {
        var merged = new Dictionary<string, OrderSummary>(state.State.Orders, StringComparer.Ordinal);
        foreach (var (id, summary) in _pending) merged[id] = summary;
        IReadOnlyList<OrderSummary> list = merged.Values
            .Where(s => status is null || s.Status == status)
            .OrderByDescending(s => s.PlacedAt).ThenBy(s => s.OrderId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(list);
    }

    private bool IsNewer(OrderSummary summary)
    {
        if (_pending.TryGetValue(summary.OrderId, out var pending) && pending.Revision >= summary.Revision) return false;
        return !state.State.Orders.TryGetValue(summary.OrderId, out var stored) || stored.Revision < summary.Revision;
    }

    private async Task WriteLoop()
    {
        _writing = true;
        try
        {
            while (_nextWrite is { } batch)
            {
                _nextWrite = null;
                var items = _pending.Values.ToList();
                _pending.Clear();
                var next = new Dictionary<string, OrderSummary>(state.State.Orders, StringComparer.Ordinal);
                foreach (var item in items) next[item.OrderId] = item;
                try
                {
                    await state.CommitAsync(state.State with { Orders = next });
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    // The callers learn of it and retry through their order grains; nothing half-written stays here.
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
