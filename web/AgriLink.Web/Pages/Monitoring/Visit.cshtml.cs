using AgriLink.Grains.Monitoring;
using AgriLink.Web.Apis;
using AgriLink.Web.Auth;
using AgriLink.Web.Pages.Shared;
using AgriLink.Web.Photos;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Monitoring;

/// <summary>
/// One visit (走访) with its photo: read by the cadres and officers whose area holds the household; its cadre attaches or
/// replaces the photo with a plain form (<c>MonitoringVisitsApi</c>: the same checks, processing and audit). The photo is
/// served through this page, checked like the visit, never from the public photo route.
/// </summary>
[RequestSizeLimit(PhotoOptions.DefaultFormLimit), RequestFormLimits(MultipartBodyLengthLimit = PhotoOptions.DefaultFormLimit)]
public sealed class VisitModel(PhotoLibrary photos) : AgriLinkPage
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public VisitView Visit { get; private set; } = null!;

    /// <summary>Whether the reader logged this visit (and so may attach its photo).</summary>
    public bool Mine => Visit.Cadre == User.ActorName();

    public async Task OnGetAsync() => Visit = Value<VisitView>(await MonitoringVisitsApi.Get(Api, Id));

    public async Task<IActionResult> OnPostPhotoAsync(CancellationToken ct)
    {
        Visit = Value<VisitView>(await MonitoringVisitsApi.AttachPhoto(Api, photos, Request, Id, ct));
        return Redirect($"/monitoring/visits/{Uri.EscapeDataString(Id)}");
    }

    /// <summary>A file of the visit's photo (<c>?handler=Photo&amp;file=800.webp</c>), checked like the visit.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(string file, CancellationToken ct)
    {
        // The API's answer (the file, 304, 403 or a problem) is written as it is: one check and one way of serving.
        await (await MonitoringVisitsApi.Photo(Api, photos.Store, HttpContext, Id, file, ct)).ExecuteAsync(HttpContext);
        return new EmptyResult();
    }

    /// <summary>The URL of one file of the photo, through this page.</summary>
    public string PhotoUrl(int width, string format) =>
        $"/monitoring/visits/{Uri.EscapeDataString(Id)}?handler=Photo&file={PhotoFormats.WidthFor(Visit.Photo!.Width, width)}.{format}";
}
