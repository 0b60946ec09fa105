using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;

namespace AgriLink.Domain.Offtake;

/// <summary>
/// One delivery against a contract: the date, the quantity in the contract's unit and the day's market price per
/// unit (the reference for 随行就市 and for the floor top-up). <see cref="Reference"/> (a weighbridge ticket or
/// delivery note number) makes recording it idempotent.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OfftakeDelivery")]
public sealed record OfftakeDelivery(
    [property: Id(0)] string Reference,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] decimal Quantity,
    [property: Id(3)] long MarketPriceFen,
    [property: Id(4)] string? Note = null)
{
    public void Validate() =>
        new Validator()
            .Text("reference", Reference, 64)
            .PlausibleDate("date", Date)
            .Check(Quantity > 0 && Quantity <= OfftakeTerms.MaxQuantity && decimal.Round(Quantity, 3) == Quantity, "quantity",
                "must be positive with at most 3 decimals.")
            .Range("marketPriceFen", MarketPriceFen, 1, ListingDraft.MaxPriceFen)
            .Text("note", Note, 200, required: false)
            .ThrowIfInvalid();

    public OfftakeDelivery Normalized() => this with
    {
        Reference = Reference.Trim(),
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
    };
}
