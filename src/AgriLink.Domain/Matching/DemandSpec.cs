using System.Text.Json.Serialization;
using AgriLink.Domain.Codes;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;

namespace AgriLink.Domain.Matching;

/// <summary>
/// A buyer's demand (采购需求): what (a category, keywords, or both), how much in which unit, delivered by when to which
/// division (GB/T 2260), at most what price (fen per demand unit; <see cref="StrictPrice"/>: dearer listings are excluded
/// rather than scored down), and the buyer's <see cref="Preferences"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DemandSpec")]
public sealed record DemandSpec(
    [property: Id(0)] string Title,
    [property: Id(1)] ProduceCategory? Category,
    [property: Id(2)] IReadOnlyList<string>? Keywords,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] Unit Unit,
    [property: Id(5)] DateOnly DeliverBy,
    [property: Id(6)] string DeliveryRegionCode,
    [property: Id(7)] long? MaxPriceFen = null,
    [property: Id(8)] bool StrictPrice = true,
    [property: Id(9)] DemandPreferences? Preferences = null)
{
    public const int MaxKeywords = 10;
    public const int MaxKeywordLength = 20;

    /// <summary>Demands are for the coming season, not years ahead.</summary>
    public const int MaxDaysAhead = 730;

    [JsonIgnore]
    public DemandPreferences Prefers => Preferences ?? DemandPreferences.None;

    public void Validate(DateOnly today)
    {
        var v = new Validator()
            .Text("title", Title, 100)
            .Check(Category is null || Enum.IsDefined(Category.Value), "category", "is not a known produce category.")
            .Check(Category is not null || Keywords is { Count: > 0 }, "category", "name a category, keywords, or both.")
            .Check(Keywords is null || Keywords.Count <= MaxKeywords, "keywords", $"at most {MaxKeywords} keywords.")
            .Check(Keywords is null || Keywords.All(k => !string.IsNullOrWhiteSpace(k) && k.Trim().Length <= MaxKeywordLength && !k.Any(char.IsControl)),
                "keywords", $"each keyword is 1 to {MaxKeywordLength} characters.")
            .Check(Quantity > 0 && Quantity <= ListingDraft.MaxStock && decimal.Round(Quantity, 3) == Quantity, "quantity",
                $"must be positive, at most {ListingDraft.MaxStock}, with at most 3 decimals.")
            .Check(Enum.IsDefined(Unit), "unit", "is not a known unit.")
            .AmountOf("quantity", Quantity, Unit)
            .Check(DeliverBy >= today && DeliverBy <= today.AddDays(MaxDaysAhead), "deliverBy",
                $"must be between today ({today:yyyy-MM-dd}) and {MaxDaysAhead} days ahead.")
            .Region("deliveryRegionCode", DeliveryRegionCode)
            .Check(MaxPriceFen is null or (>= 1 and <= ListingDraft.MaxPriceFen), "maxPriceFen", $"must be between 1 and {ListingDraft.MaxPriceFen} fen.");
        if (Prefers.PartnerRegionCode is not null) v.Region("preferences.partnerRegionCode", Prefers.PartnerRegionCode);
        v.ThrowIfInvalid();
    }

    public DemandSpec Normalized() => this with
    {
        Title = Title.Trim(),
        Keywords = Keywords is null || Keywords.Count == 0 ? null : Keywords.Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        DeliveryRegionCode = DeliveryRegionCode.Trim(),
        Preferences = Preferences is null || Preferences == DemandPreferences.None
            ? null
            : Preferences with { PartnerRegionCode = string.IsNullOrWhiteSpace(Preferences.PartnerRegionCode) ? null : Preferences.PartnerRegionCode.Trim() },
    };

    /// <summary>The text a search for this demand starts from: the keywords, else the title.</summary>
    [JsonIgnore]
    public string SearchText => Keywords is { Count: > 0 } ? string.Join(' ', Keywords) : Title;

    /// <summary>
    /// Without a search engine (a listing just published): the share of keywords found in the listing's text,
    /// 1 when the demand names only a category.
    /// </summary>
    public double KeywordRelevance(string listingText)
    {
        if (Keywords is not { Count: > 0 }) return 1;
        return Keywords.Count(k => listingText.Contains(k, StringComparison.OrdinalIgnoreCase)) / (double)Keywords.Count;
    }
}
