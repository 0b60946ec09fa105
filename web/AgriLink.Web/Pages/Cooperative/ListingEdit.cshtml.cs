using AgriLink.Grains.Listings;
using AgriLink.Web.Apis;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>Edit a listing's fields through <c>ListingsApi.Update</c> (its cooperative's admins; anyone else a 403 or 404).</summary>
public sealed class ListingEditModel : ListingFormPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public ListingDetails Listing { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await Load();
        Fill(Listing.Draft);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Load();
        if (Draft(Listing.Draft) is not { } draft) return Page();
        Value<ListingDetails>(await ListingsApi.Update(Api, Id, draft));
        return Redirect($"/cooperative/listings?coop={Uri.EscapeDataString(CooperativeId!)}");
    }

    private async Task Load()
    {
        Listing = Value<ListingDetails>(await ListingsApi.Get(Api, Id));
        // The listing names its cooperative; the page then checks the account administers it (403 otherwise).
        CooperativeId = Listing.CooperativeId;
        await Cooperative();
    }
}
