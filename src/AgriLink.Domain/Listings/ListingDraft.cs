using AgriLink.Domain.Errors;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Listings;

/// <summary>
/// The editable fields of a listing. Stock and minimum order are amounts of <see cref="Unit"/>
/// with at most three decimals (0.5 公斤); the price is integer fen per unit. <see cref="DeliveryAreas"/> lists GB/T 2260
/// codes (none: nationwide), <see cref="ProducerIds"/> the member households that grow it (their sales count toward their
/// trade with the cooperative), <see cref="Certifications"/> what the producer claims (扶贫产品认定 is granted, not claimed).
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
    [property: Id(12)] int? ShelfLifeDays = null,
    [property: Id(13)] IReadOnlyList<string>? DeliveryAreas = null,
    [property: Id(14)] IReadOnlyList<string>? ProducerIds = null,
    [property: Id(15)] IReadOnlyList<ClaimedCertification>? Certifications = null)
{
    /// <summary>¥1,000,000 per unit: above that a price is a typo, not produce.</summary>
    public const long MaxPriceFen = 100_000_000;
    public const decimal MaxStock = 1_000_000_000m;
    public const int MaxProducers = 1000;

    /// <summary>The field rules, the harvest date only within the dates anyone means.</summary>
    public void Validate() => Validate(null);

    /// <summary>
    /// The field rules. With <paramref name="today"/> (a new or edited listing) the harvest date must lie within a few
    /// years of it; without (a stock change of a stored listing) only within the dates anyone means.
    /// </summary>
    public void Validate(DateOnly? today) =>
        new Validator()
            .Text("title", Title, 100)
            .Check(Enum.IsDefined(Category), "category", "is not a known produce category.")
            .Check(Enum.IsDefined(Unit), "unit", "is not a known unit.")
            .Range("priceFen", PriceFen, 1, MaxPriceFen)
            .Check(Stock >= 0 && Stock <= MaxStock && decimal.Round(Stock, 3) == Stock, "stock",
                $"must be between 0 and {MaxStock} with at most 3 decimals.")
            .Check(MinOrder > 0 && MinOrder <= MaxStock && decimal.Round(MinOrder, 3) == MinOrder, "minOrder",
                "must be positive with at most 3 decimals.")
            .AmountOf("stock", Stock, Unit)
            .AmountOf("minOrder", MinOrder, Unit)
            .County("countyCode", CountyCode)
            .Text("village", Village, 50)
            .Text("variety", Variety, 50, required: false)
            .Text("specification", Specification, 100, required: false)
            .Text("description", Description, 4000, required: false)
            .Date("harvestDate", HarvestDate, today?.AddYears(-ValidatorExtensions.HarvestYearsBack) ?? ValidatorExtensions.EarliestDate,
                today?.AddYears(ValidatorExtensions.HarvestYearsAhead) ?? ValidatorExtensions.LatestDate)
            .Check(ShelfLifeDays is null or (>= 1 and <= 3650), "shelfLifeDays", "must be between 1 and 3650 days.")
            .DeliveryAreaCodes("deliveryAreas", DeliveryAreas)
            .Check(ProducerIds is null || (ProducerIds.Count <= MaxProducers && ProducerIds.All(p => !string.IsNullOrWhiteSpace(p) && p.Trim().Length <= 64)),
                "producerIds", $"must be at most {MaxProducers} member ids.")
            .Check(Certifications is null || Certifications.All(c => c is not null && c.Kind is CertificationKind.GreenFood or CertificationKind.Organic or CertificationKind.GeographicalIndication),
                "certifications", "may claim green food, organic or geographical indication; 扶贫产品认定 is granted by the platform.")
            .Check(Certifications is null || Certifications.All(c => c is null || (!string.IsNullOrWhiteSpace(c.CertificateNumber) && c.CertificateNumber.Trim().Length <= 50)),
                "certifications", "each needs a certificate number of at most 50 characters.")
            .Check(Certifications is null || Certifications.Where(c => c is not null).DistinctBy(c => c.Kind).Count() == Certifications.Count,
                "certifications", "may claim each kind once.")
            .ThrowIfInvalid();

    public ListingDraft Normalized() => this with
    {
        Title = Title.Trim(),
        Village = Village.Trim(),
        Variety = Blank(Variety),
        Specification = Blank(Specification),
        Description = Blank(Description),
        DeliveryAreas = Listings.DeliveryAreas.Normalized(DeliveryAreas),
        ProducerIds = ProducerIds is null || ProducerIds.Count == 0
            ? null
            : ProducerIds.Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList(),
        Certifications = Certifications is null || Certifications.Count == 0
            ? null
            : Certifications.Select(c => c with { CertificateNumber = c.CertificateNumber.Trim() }).OrderBy(c => c.Kind).ToList(),
    };

    /// <summary>Whether this listing delivers to the division <paramref name="regionCode"/>.</summary>
    public bool DeliversTo(string regionCode) => Listings.DeliveryAreas.Covers(DeliveryAreas, regionCode);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
