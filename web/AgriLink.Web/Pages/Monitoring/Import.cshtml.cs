using AgriLink.Grains.Monitoring;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Monitoring;

/// <summary>
/// A county officer imports another department's CSV (<c>MonitoringImportsApi</c>: the same reading, matching, checks and
/// audit): upload, read the preview row by row, confirm.
/// </summary>
public sealed class ImportModel(MonitoringQueries queries) : AgriLinkPage
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    public ImportView? Import { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (MonitoringImportsApi.Scope(Api) is null) return Forbid();
        if (Id is not null) Import = Value<ImportView>(await MonitoringImportsApi.Get(Api, Id));
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (MonitoringImportsApi.Scope(Api) is not { } scope) return Forbid();
        using var bytes = new MemoryStream();
        if (Upload is { Length: > 0 and <= MonitoringImportsApi.MaxBytes }) await Upload.CopyToAsync(bytes, HttpContext.RequestAborted);
        var clock = HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var staged = await MonitoringImportsApi.Stage(Api, queries, clock, scope, bytes.ToArray(), Upload?.FileName);
        return Redirect($"/monitoring/import?id={Uri.EscapeDataString(staged.Id)}");
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        Value<ImportView>(await MonitoringImportsApi.Confirm(Api, Id ?? ""));
        return Redirect($"/monitoring/import?id={Uri.EscapeDataString(Id ?? "")}");
    }
}
