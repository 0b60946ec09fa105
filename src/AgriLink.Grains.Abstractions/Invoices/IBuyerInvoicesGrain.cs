namespace AgriLink.Grains.Invoices;

/// <summary>The invoices a buyer received from every cooperative (key: the buyer id), fed by the invoice books.</summary>
[Alias("AgriLink.IBuyerInvoicesGrain")]
public interface IBuyerInvoicesGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the invoice's line; a paid invoice never goes back to issued.</summary>
    [Alias("Upsert")] Task Upsert(InvoiceSummary summary);

    /// <summary>Newest first.</summary>
    [Alias("List")] Task<IReadOnlyList<InvoiceSummary>> List();
}
