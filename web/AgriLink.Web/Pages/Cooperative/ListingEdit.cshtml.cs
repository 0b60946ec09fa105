using AgriLink.Grains.Listings;
using AgriLink.Web.Apis;
using AgriLink.Web.Photos;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// Edit a listing's fields through <c>ListingsApi.Update</c> and its photos through <c>PhotosApi</c> (its cooperative's admins;
/// anyone else a 403 or 404). Photo uploads are plain form posts, so the page works without script on any phone.
/// </summary>
[RequestSizeLimit(PhotoOptions.DefaultFormLimit), RequestFormLimits(MultipartBodyLengthLimit = PhotoOptions.DefaultFormLimit)]
public sealed class ListingEditModel : ListingFormPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public ListingDetails Listing { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        await Load();
        Fill(Listing.Draft);
        await LoadMembers(Listing.CooperativeId);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await Load();
        await LoadMembers(Listing.CooperativeId);
        if (Draft(Listing.Draft) is not { } draft) return Page();
        Value<ListingDetails>(await ListingsApi.Update(Api, Id, draft));
        return Redirect($"/cooperative/listings?coop={Uri.EscapeDataString(CooperativeId!)}");
    }

    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken ct)
    {
        await LoadFilled();
        var photos = HttpContext.RequestServices.GetRequiredService<PhotoLibrary>();
        Value<ListingDetails>(await PhotosApi.AddToListing(Api, photos, Request, Id, ct));
        return BackToPhotos();
    }

    public async Task<IActionResult> OnPostCoverAsync(string photoId)
    {
        await LoadFilled();
        Value<ListingDetails>(await PhotosApi.Cover(Api, Id, photoId));
        return BackToPhotos();
    }

    /// <summary>Moves a photo one place earlier (<paramref name="by"/> = -1) or later (+1).</summary>
    public async Task<IActionResult> OnPostMoveAsync(string photoId, int by)
    {
        await LoadFilled();
        var order = (Listing.Photos ?? []).Select(p => p.Id).ToList();
        var from = order.IndexOf(photoId);
        var to = from + Math.Sign(by);
        if (from >= 0 && to >= 0 && to < order.Count) (order[from], order[to]) = (order[to], order[from]);
        Value<ListingDetails>(await PhotosApi.Arrange(Api, Id, new ArrangePhotosRequest(order)));
        return BackToPhotos();
    }

    public async Task<IActionResult> OnPostDeletePhotoAsync(string photoId)
    {
        await LoadFilled();
        var photos = HttpContext.RequestServices.GetRequiredService<PhotoLibrary>();
        Value<ListingDetails>(await PhotosApi.RemoveFromListing(Api, photos, Id, photoId));
        return BackToPhotos();
    }

    private IActionResult BackToPhotos() => Redirect($"/cooperative/listings/{Uri.EscapeDataString(Id)}/edit#photos");

    /// <summary>Loaded with the fields filled, so a refused photo change shows the page as it was with the reason.</summary>
    private async Task LoadFilled()
    {
        await Load();
        Fill(Listing.Draft);
        await LoadMembers(Listing.CooperativeId);
        ModelState.Clear();
    }

    private async Task Load()
    {
        Listing = Value<ListingDetails>(await ListingsApi.Get(Api, Id));
        // The listing names its cooperative; the page then checks the account administers it (403 otherwise).
        CooperativeId = Listing.CooperativeId;
        await Cooperative();
    }
}
