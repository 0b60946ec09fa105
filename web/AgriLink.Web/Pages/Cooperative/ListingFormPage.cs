using AgriLink.Domain.Listings;
using AgriLink.Domain.Quantities;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The fields of a listing as a form (new and edit share them). Property names are the API's field names, so the
/// API's validation problems land beside their fields; the price is typed in yuan and answers for <c>priceFen</c>.
/// </summary>
public abstract class ListingFormPage : CooperativePage
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public ProduceCategory Category { get; set; } = ProduceCategory.Fruit;
    [BindProperty] public Unit Unit { get; set; } = Unit.Jin;
    [BindProperty, ProblemField("priceFen")] public string? Price { get; set; }
    [BindProperty] public decimal Stock { get; set; }
    [BindProperty] public decimal MinOrder { get; set; } = 1;
    [BindProperty] public string? CountyCode { get; set; }
    [BindProperty] public string? Village { get; set; }
    [BindProperty] public string? Variety { get; set; }
    [BindProperty] public string? Specification { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public DateOnly? HarvestDate { get; set; }
    [BindProperty] public int? ShelfLifeDays { get; set; }

    /// <summary>The member households that grow it (ticked from the member list); what lets a sale count for them.</summary>
    [BindProperty] public List<string> ProducerIds { get; set; } = [];

    /// <summary>Provinces or Guizhou prefectures it delivers to (chosen from lists); none means nationwide.</summary>
    [BindProperty] public List<string> DeliveryAreas { get; set; } = [];

    /// <summary>The cooperative's member households as (id, name), and any producer named earlier that is no longer one.</summary>
    public IReadOnlyList<(string Id, string Name)> MemberHouseholds { get; private set; } = [];

    /// <summary>The areas to choose from: every province and Guizhou's prefectures, and any other area chosen earlier (a county named through the API).</summary>
    public IReadOnlyList<(string Code, string Name)> AreaChoices =>
    [
        .. Domain.Codes.Regions.ProvinceList,
        .. Domain.Codes.Regions.PrefecturesOf("520000").Select(p => (p.Code, "贵州省" + p.Name)),
        .. DeliveryAreas.Where(a => !Domain.Codes.Regions.ProvinceList.Any(p => p.Code == a) && !Domain.Codes.Regions.PrefecturesOf("520000").Any(p => p.Code == a))
            .Select(a => (a, Domain.Codes.Regions.PlaceName(a))),
    ];

    /// <summary>Loads the member households the producers are ticked from (call with the cooperative before rendering the form).</summary>
    protected async Task LoadMembers(string cooperativeId)
    {
        var members = Value<Grains.Cooperatives.CooperativeDetails>(await Apis.CooperativesApi.Get(Api, cooperativeId)).Members
            .Where(m => m.Kind == Domain.Cooperatives.MemberKind.Household).Select(m => (m.MemberId, m.DisplayName)).ToList();
        members.AddRange(ProducerIds.Where(p => members.All(m => m.MemberId != p)).Select(p => (p, p)));
        MemberHouseholds = members;
    }

    /// <summary>The form as a draft on top of <paramref name="kept"/> (fields the form does not show stay as they were); null when a field could not be read.</summary>
    protected ListingDraft? Draft(ListingDraft? kept = null)
    {
        var priceFen = FormValues.Fen(ModelState, T, nameof(Price), Price);
        if (!ModelState.IsValid || priceFen is null) return null;
        var draft = new ListingDraft(Title ?? "", Category, Unit, priceFen.Value, Stock, MinOrder, CountyCode?.Trim() ?? "", Village ?? "",
            Variety, Specification, Description, HarvestDate, ShelfLifeDays,
            DeliveryAreas: DeliveryAreas.Count == 0 ? null : DeliveryAreas, ProducerIds: ProducerIds.Count == 0 ? null : ProducerIds);
        return kept is null ? draft : draft with { Certifications = kept.Certifications };
    }

    protected void Fill(ListingDraft d)
    {
        (Title, Category, Unit, Price, Stock, MinOrder) = (d.Title, d.Category, d.Unit, FormValues.Yuan(d.PriceFen), d.Stock, d.MinOrder);
        (CountyCode, Village, Variety, Specification, Description, HarvestDate, ShelfLifeDays) =
            (d.CountyCode, d.Village, d.Variety, d.Specification, d.Description, d.HarvestDate, d.ShelfLifeDays);
        (ProducerIds, DeliveryAreas) = ([.. d.ProducerIds ?? []], [.. d.DeliveryAreas ?? []]);
    }
}
