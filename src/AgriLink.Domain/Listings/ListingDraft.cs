using AgriLink.Domain.Errors;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Listings;

/// <summary>
/// The editable fields of a listing. Stock and minimum order are amounts of <see cref="Unit"/>
/// with at most three decimals (0.5 公斤); the price is integer fen per unit.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ListingDraft")]
public sealed record ListingDraft(
    [property: Id(0)] string Title,
    [property: Id(1)] ProduceCategory Category,
    [property: Id(2)] Unit Unit,
    [property: Id(3)] long PriceFen,
    [property: Id(4)] decimal Stock,
    [property: Id(5)] decimal MinOrder,
    [property: Id(6)] string CountyCode,
    [property: Id(7)] string Village,
    [property: Id(8)] string? Variety = null,
    [property: Id(9)] string? Specification = null,
    [property: Id(10)] string? Description = null,
    [property: Id(11)] DateOnly? HarvestDate = null,
    [property: Id(12)] int? ShelfLifeDays = null)
{
    /// <summary>¥1,000,000 per unit: above that a price is a typo, not produce.</summary>
    public const long MaxPriceFen = 100_000_000;
    public const decimal MaxStock = 1_000_000_000m;

    public void Validate() =>
        new Validator()
            .Text("title", Title, 100)
            .Check(Enum.IsDefined(Category), "category", "is not a known produce category.")
            .Check(Enum.IsDefined(Unit), "unit", "is not a known unit.")
            .Range("priceFen", PriceFen, 1, MaxPriceFen)
            .Check(Stock >= 0 && Stock <= MaxStock && decimal.Round(Stock, 3) == Stock, "stock",
                $"must be between 0 and {MaxStock} with at most 3 decimals.")
            .Check(MinOrder > 0 && MinOrder <= MaxStock && decimal.Round(MinOrder, 3) == MinOrder, "minOrder",
                "must be positive with at most 3 decimals.")
            .County("countyCode", CountyCode)
            .Text("village", Village, 50)
            .Text("variety", Variety, 50, required: false)
            .Text("specification", Specification, 100, required: false)
            .Text("description", Description, 4000, required: false)
            .Check(ShelfLifeDays is null or (>= 1 and <= 3650), "shelfLifeDays", "must be between 1 and 3650 days.")
            .ThrowIfInvalid();

    public ListingDraft Normalized() => this with
    {
        Title = Title.Trim(),
        Village = Village.Trim(),
        Variety = Blank(Variety),
        Specification = Blank(Specification),
        Description = Blank(Description),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
