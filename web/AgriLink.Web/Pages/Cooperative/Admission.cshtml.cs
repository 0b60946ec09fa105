using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Cooperatives;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace AgriLink.Web.Pages.Cooperative;

/// <summary>
/// The cooperative's admission to sell on the platform (入驻): where it stands, every step so far with its notes, and the
/// application itself (<c>AdmissionApi.Apply</c>: the same per-object check and audit as the API), open when it has not
/// applied or was turned down. The county office recommends or declines it next, then the operator decides.
/// </summary>
public sealed class AdmissionModel : CooperativePage
{
    public CooperativeAdmission? Admission { get; private set; }

    /// <summary>Whether the cooperative may apply now (never applied, or turned down and applying again).</summary>
    public bool MayApply => Admission?.Status is AdmissionStatus.NotApplied or AdmissionStatus.Rejected;

    [BindProperty, ProblemField("note")] public string? Note { get; set; }

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostAsync()
    {
        var coop = await Load();
        Value<CooperativeAdmission>(await AdmissionApi.Apply(Api, coop, new AdmissionNoteRequest(Note)));
        return Redirect($"/cooperative/admission?coop={Uri.EscapeDataString(coop)}");
    }

    private async Task<string> Load()
    {
        var coop = await Cooperative();
        Admission = Value<CooperativeAdmission>(await AdmissionApi.Get(Api, coop));
        return coop;
    }
}
