using AgriLink.Domain.Invoices;
using AgriLink.Grains.Common;

namespace AgriLink.Grains.Invoices;

public sealed class BuyerInvoicesGrain(
    [PersistentState("buyer-invoices", GrainStorage.Main)] IPersistentState<BuyerInvoicesState> state) : Grain, IBuyerInvoicesGrain
{
    public async Task Upsert(InvoiceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (state.State.Invoices.TryGetValue(summary.Number, out var stored) && (stored == summary || stored.Status == InvoiceStatus.Paid))
            return;
        var next = new Dictionary<string, InvoiceSummary>(state.State.Invoices, StringComparer.Ordinal) { [summary.Number] = summary };
        await state.CommitAsync(state.State with { Invoices = next });
    }

    public Task<IReadOnlyList<InvoiceSummary>> List()
    {
        IReadOnlyList<InvoiceSummary> list = state.State.Invoices.Values
            .OrderByDescending(s => s.IssuedOn).ThenByDescending(s => s.Number, StringComparer.Ordinal).ToList();
        return Task.FromResult(list);
    }
}

[GenerateSerializer, Alias("AgriLink.BuyerInvoicesState")]
public sealed record BuyerInvoicesState
{
    [Id(0)] public IReadOnlyDictionary<string, InvoiceSummary> Invoices { get; init; } = new Dictionary<string, InvoiceSummary>();
}
