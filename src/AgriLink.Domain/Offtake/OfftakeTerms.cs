using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Offtake;

/// <summary>
/// What a leading enterprise promises to buy from a cooperative (订单农业): a product and quantity, the window in
/// which it is delivered, and a guaranteed floor price (保底收购价) per unit in fen. With
/// <see cref="MarketPriceIfHigher"/> (随行就市) a delivery is paid at the day's market price when that is higher.
/// Deliveries may exceed the contracted quantity by <see cref="OverDeliveryToleranceBasisPoints"/> (溢装, 10% unless
/// agreed otherwise); beyond that the enterprise has not committed to buy.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OfftakeTerms")]
public sealed record OfftakeTerms(
    [property: Id(0)] string Product,
    [property: Id(1)] ProduceCategory Category,
    [property: Id(2)] Unit Unit,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] DateOnly DeliveryStart,
    [property: Id(5)] DateOnly DeliveryEnd,
    [property: Id(6)] long FloorPriceFen,
    [property: Id(7)] bool MarketPriceIfHigher = false,
    [property: Id(8)] int OverDeliveryToleranceBasisPoints = OfftakeTerms.DefaultToleranceBasisPoints,
    [property: Id(9)] string? Specification = null)
{
    public const int DefaultToleranceBasisPoints = 1000;
    public const int MaxToleranceBasisPoints = 5000;
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>Contracts run at most three years: longer commitments are renewed, not written once.</summary>
    public const int MaxWindowDays = 3 * 366;

    /// <summary>The most that may be delivered: the quantity plus the tolerance, rounded down to the 1/1000 unit.</summary>
    public decimal MaxDeliverable =>
        decimal.Round(Quantity * (10_000 + OverDeliveryToleranceBasisPoints) / 10_000, 3, MidpointRounding.ToZero);

    public void Validate() =>
        new Validator()
            .Text("product", Product, 100)
            .Check(Enum.IsDefined(Category), "category", "is not a known produce category.")
            .Check(Enum.IsDefined(Unit), "unit", "is not a known unit.")
            .Check(Quantity > 0 && Quantity <= MaxQuantity && decimal.Round(Quantity, 3) == Quantity, "quantity",
                $"must be positive, at most {MaxQuantity}, with at most 3 decimals.")
            .PlausibleDate("deliveryStart", DeliveryStart)
            .PlausibleDate("deliveryEnd", DeliveryEnd)
            .Check(DeliveryEnd >= DeliveryStart, "deliveryEnd", "must not be before deliveryStart.")
            .Check(DeliveryEnd.DayNumber - DeliveryStart.DayNumber <= MaxWindowDays, "deliveryEnd",
                $"must be within {MaxWindowDays} days of deliveryStart.")
            .Range("floorPriceFen", FloorPriceFen, 1, ListingDraft.MaxPriceFen)
            .Range("overDeliveryToleranceBasisPoints", OverDeliveryToleranceBasisPoints, 0, MaxToleranceBasisPoints)
            .Text("specification", Specification, 200, required: false)
            .ThrowIfInvalid();

    public OfftakeTerms Normalized() => this with
    {
        Product = Product.Trim(),
        Specification = string.IsNullOrWhiteSpace(Specification) ? null : Specification.Trim(),
    };
}
