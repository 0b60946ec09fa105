using AgriLink.Domain.Listings;
using AgriLink.Domain.Offtake;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Tests.Offtake;

internal static class OfftakeSamples
{
    /// <summary>100,000 斤 of fresh 刺梨 from 20 August to 31 October 2026 at a ¥3.00 floor, following the market when higher.</summary>
    public static readonly OfftakeTerms Cili = new("鲜刺梨 贵农5号", ProduceCategory.Fruit, Unit.Jin, 100_000m,
        new(2026, 8, 20), new(2026, 10, 31), 300, MarketPriceIfHigher: true);

    public static OfftakeDelivery Delivery(string reference, decimal quantity, long marketPriceFen, DateOnly? date = null) =>
        new(reference, date ?? new(2026, 9, 10), quantity, marketPriceFen);
}
