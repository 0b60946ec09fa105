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

    /// <summary>The form as a draft on top of <paramref name="kept"/> (fields the form does not show stay as they were); null when a field could not be read.</summary>
    protected ListingDraft? Draft(ListingDraft? kept = null)
    {
        var priceFen = FormValues.Fen(ModelState, T, nameof(Price), Price);
        if (!ModelState.IsValid || priceFen is null) return null;
        var draft = new ListingDraft(Title ?? "", Category, Unit, priceFen.Value, Stock, MinOrder, CountyCode?.Trim() ?? "", Village ?? "",
            Variety, Specification, Description, HarvestDate, ShelfLifeDays);
        return kept is null ? draft : draft with
        {
            DeliveryAreas = kept.DeliveryAreas, ProducerIds = kept.ProducerIds, Certifications = kept.Certifications,
        };
    }

    protected void Fill(ListingDraft d)
    {
        (Title, Category, Unit, Price, Stock, MinOrder) = (d.Title, d.Category, d.Unit, FormValues.Yuan(d.PriceFen), d.Stock, d.MinOrder);
        (CountyCode, Village, Variety, Specification, Description, HarvestDate, ShelfLifeDays) =
            (d.CountyCode, d.Village, d.Variety, d.Specification, d.Description, d.HarvestDate, d.ShelfLifeDays);
    }
}
