namespace AgriLink.Domain.Invoices;

[GenerateSerializer, Alias("AgriLink.InvoiceStatus")]
public enum InvoiceStatus
{
    /// <summary>Issued to the buyer; the bank transfer is outstanding.</summary>
    Issued = 0,
    /// <summary>The cooperative recorded the transfer with its bank reference.</summary>
    Paid = 1,
}
