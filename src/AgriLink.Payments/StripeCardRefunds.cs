using AgriLink.Grains.AfterSales;

namespace AgriLink.Payments;

/// <summary>After-sales card refunds through the payment's own grain, which refunds, reconciles and records them one at a time.</summary>
internal sealed class StripeCardRefunds(IGrainFactory grains) : ICardRefunds
{
    public Task<string> Refund(string paymentReference, string cooperativeId, string caseKey, long amountFen) =>
        grains.GetGrain<IStripePaymentGrain>(paymentReference).RefundAfterSales(cooperativeId, caseKey, amountFen);
}
