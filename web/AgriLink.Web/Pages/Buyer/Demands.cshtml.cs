using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Matching;
using AgriLink.Domain.Quantities;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Matching;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Buyer;

/// <summary>
/// The buyer's demands (采购需求, <c>GET /api/buyers/{id}/demands</c>) and the form that posts one
/// (<c>POST /api/buyers/{id}/demands</c>): problems show beside their fields; a posted demand opens on its matches.
/// The delivery region is picked with the checkout's selects (<c>_RegionPicker</c>), the east–west partner region from
/// Guizhou's prefectures.
/// </summary>
public sealed class DemandsModel(TimeProvider clock, Grains.Projections.DemandQueries demands) : BuyerPage, IRegionPicker
{
    public IReadOnlyList<DemandSummary> Demands { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public ProduceCategory? Category { get; set; }
    /// <summary>Words separated by spaces or commas.</summary>
    [BindProperty] public string? Keywords { get; set; }
    [BindProperty] public decimal? Quantity { get; set; }
    [BindProperty] public Unit Unit { get; set; } = Unit.Jin;
    [BindProperty] public DateOnly? DeliverBy { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? Prefecture { get; set; }
    [BindProperty] public string? County { get; set; }
    [BindProperty] public string? DeliveryRegionCode { get; set; }
    /// <summary>The price ceiling in yuan per demand unit (the API takes fen).</summary>
    [BindProperty] public decimal? MaxPrice { get; set; }
    [BindProperty] public bool CertifiedOnly { get; set; }
    [BindProperty] public bool DeepPovertyCounties { get; set; }
    /// <summary>The Guizhou prefecture the buyer's region is paired with in east–west cooperation (东西部协作), if any.</summary>
    [BindProperty] public string? PartnerRegionCode { get; set; }

    public static IReadOnlyList<(string Code, string Name)> PartnerRegions => Domain.Codes.Regions.PrefecturesOf("520000");

    public async Task OnGetAsync()
    {
        await Load();
        this.PickRegion(Value<BuyerDetails>(await BuyersApi.Get(Api, BuyerId)).Profile.RegionCode);
        DeliverBy ??= clock.Today().AddDays(14);
    }

    /// <summary>The region selects' "choose" button: shows the next level's choices, keeps everything typed, posts nothing.</summary>
    public async Task<IActionResult> OnPostRegionAsync()
    {
        await Load();
        ModelState.Clear();
        this.PickRegion(this.Picked());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Load();
        if (!ModelState.IsValid) return Page();
        new Validator()
            .Check(!this.TypedOutsideProvince(), nameof(DeliveryRegionCode), "must lie in the chosen province.")
            .Check(MaxPrice is null || (MaxPrice > 0 && decimal.Round(MaxPrice.Value, 2) == MaxPrice), nameof(MaxPrice), "must be more than 0, in yuan with at most 2 decimals.")
            .ThrowIfInvalid();
        var keywords = (Keywords ?? "").Split([' ', ',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var spec = new DemandSpec(
            Title ?? "", Category, keywords.Length == 0 ? null : keywords, Quantity ?? 0, Unit, DeliverBy ?? default, this.Picked() ?? "",
            MaxPrice is { } yuan ? (long)(yuan * 100) : null, StrictPrice: true,
            new DemandPreferences(CertifiedOnly, DeepPovertyCounties, string.IsNullOrWhiteSpace(PartnerRegionCode) ? null : PartnerRegionCode));
        var posted = Value<DemandDetails>(await DemandsApi.Post(Api, BuyerId, spec));
        return Redirect($"/buyer/demands/{posted.Id}");
    }

    private async Task Load() => Demands = Value<Page<DemandSummary>>(await DemandsApi.ForBuyer(Api, demands, BuyerId, 0, Paging.MaxLimit)).Items;
}
