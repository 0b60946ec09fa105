using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Listings;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>A new draft listing through <c>ListingsApi.Create</c>; published later from the listings page.</summary>
public sealed class ListingNewModel : ListingFormPage
{
    public async Task OnGetAsync()
    {
        var coop = await Cooperative();
        // The cooperative's own county and village are the likely ones.
        var profile = Value<CooperativeDetails>(await CooperativesApi.Get(Api, coop)).Profile;
        CountyCode = profile.CountyCode;
        Village = profile.Village;
        await LoadMembers(coop);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var coop = await Cooperative();
        await LoadMembers(coop);
        if (Draft() is not { } draft) return Page();
        Value<ListingDetails>(await ListingsApi.Create(Api, coop, draft));
        return Redirect($"/cooperative/listings?coop={Uri.EscapeDataString(coop)}");
    }
}
