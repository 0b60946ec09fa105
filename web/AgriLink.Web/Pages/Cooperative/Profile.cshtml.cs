using AgriLink.Grains.Cooperatives;
using AgriLink.Web.Apis;
using AgriLink.Web.Photos;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's profile as its shop shows it, and its profile photo: upload (replacing the one before) or remove it
/// through <c>PhotosApi</c> (its admins only, audited there). Plain form posts, so it works without script on any phone.
/// </summary>
[RequestSizeLimit(PhotoOptions.DefaultFormLimit), RequestFormLimits(MultipartBodyLengthLimit = PhotoOptions.DefaultFormLimit)]
public sealed class ProfileModel : CooperativePage
{
    public CooperativeDetails Details { get; private set; } = null!;

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken ct)
    {
        var id = await Load();
        Value<CooperativeDetails>(await PhotosApi.SetCooperativePhoto(Api, Photos, Request, id, ct));
        return Back(id);
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync()
    {
        var id = await Load();
        Value<CooperativeDetails>(await PhotosApi.RemoveCooperativePhoto(Api, Photos, id));
        return Back(id);
    }

    private PhotoLibrary Photos => HttpContext.RequestServices.GetRequiredService<PhotoLibrary>();

    private async Task<string> Load()
    {
        var id = await Cooperative();
        Details = Value<CooperativeDetails>(await CooperativesApi.Get(Api, id));
        return id;
    }

    private RedirectResult Back(string id) => Redirect($"/cooperative/profile?coop={Uri.EscapeDataString(id)}#photo");
}
