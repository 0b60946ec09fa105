using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;

namespace AgriLink.Grains.Orders;

/// <summary>
/// An order's row (the buyer's list) and one row per sub-order (each cooperative's list), written with the order's state:
/// a list never lags the order, and an event committed with the order finds it already listed. The revision is the
/// history's length, as the order lists had it. Its quantity per listing goes to <c>order_lines</c> for the listings' sales.
/// </summary>
internal sealed class OrderProjector : StateProjector<OrderState>
{
    public override string StateName => "order";

    public override IReadOnlyList<ProjectionTable> Tables => [ProjectionTables.Orders, ProjectionTables.SubOrders, ProjectionTables.OrderLines];

    protected override IEnumerable<ProjectionWrite> Project(string grainKey, OrderState state)
    {
        if (state.Command is not { } command) yield break;
        var revision = (long)state.History.Count;
        var method = command.PaymentMethod.ToString();
        yield return ProjectionTables.Orders.Upsert(grainKey, command.BuyerId, OrderGrain.Summarize(state.SubOrders).ToString(), method,
            state.SubOrders.Sum(s => s.AmountFen), state.PlacedAt, revision);
        foreach (var sub in state.SubOrders)
            yield return ProjectionTables.SubOrders.Upsert(grainKey, sub.CooperativeId, command.BuyerId, sub.Flow.Status.ToString(), method,
                sub.AmountFen, sub.Lines.Where(l => l.Reserved.PovertyCertified).Sum(l => l.Reserved.AmountFen), state.PlacedAt, revision);
        // An order's lines never change after it is placed: the listings' sales follow the sub-orders' statuses (ListingFigures).
        foreach (var line in state.SubOrders.SelectMany(s => s.Lines).GroupBy(l => (l.Reserved.ListingId, l.Reserved.CooperativeId)))
            yield return ProjectionTables.OrderLines.Upsert(grainKey, line.Key.ListingId, line.Key.CooperativeId,
                Projections.ListingFigures.ToMilli(line.Sum(l => l.Reserved.Quantity)));
    }
}
