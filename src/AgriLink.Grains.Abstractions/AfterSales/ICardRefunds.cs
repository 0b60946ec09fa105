namespace AgriLink.Grains.AfterSales;

/// <summary>
/// The card gateway's refund of an agreed after-sales amount, as the case grain asks for it (registered with Stripe; without
/// it there are no card orders). Idempotent by the case: a retry returns the refund made before, never a second one.
/// </summary>
public interface ICardRefunds
{
    /// <summary>Refunds <paramref name="amountFen"/> of the order's payment and records it with the order; answers the refund's id.</summary>
    Task<string> Refund(string paymentReference, string cooperativeId, string caseKey, long amountFen);
}
