using AgriLink.Domain.Complaints;
using AgriLink.Domain.Cooperatives;
using AgriLink.Grains.Complaints;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Projections;
using AgriLink.Web.Apis;
using AgriLink.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// The open complaints, newest first: an operator upholds or dismisses each with a reason (through <see cref="ComplaintsApi"/>,
/// audited). A cooperative whose upheld complaints reach the threshold in the window is flagged, with the admission flow's
/// suspend action beside it (the operator decides; nothing is suspended by itself).
/// </summary>
public sealed class ComplaintsModel(ComplaintQueries complaints, IOptions<ComplaintOptions> options, TimeProvider clock) : AgriLinkPage
{
    public ListPage<ComplaintRow> Found { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Each listed cooperative's upheld complaints in the window, and whether they call for its suspension.</summary>
    public IReadOnlyDictionary<string, (int Upheld, bool Proposed)> Standing { get; private set; } = new Dictionary<string, (int, bool)>();

    public ComplaintOptions Options => options.Value;

    [BindProperty(SupportsGet = true, Name = "before")] public string? Before { get; set; }

    public async Task OnGetAsync()
    {
        Found = await complaints.InStatus(ComplaintStatus.Open, Before, ComplaintsApi.PageSize);
        Names = await CooperativeNames();
        var standing = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        foreach (var coop in Found.Items.Select(c => c.CooperativeId).Distinct(StringComparer.Ordinal))
            standing[coop] = await ComplaintsApi.Standing(complaints, options.Value, clock, coop);
        Standing = standing;
    }

    public async Task<IActionResult> OnPostDecideAsync(string id, bool uphold, string? reason)
    {
        var request = new ComplaintReasonRequest(reason);
        Value<ComplaintDecision>(uphold
            ? await ComplaintsApi.Uphold(Api, complaints, options, clock, id, request)
            : await ComplaintsApi.Dismiss(Api, complaints, options, clock, id, request));
        return Redirect("/operator/complaints");
    }

    public async Task<IActionResult> OnPostSuspendAsync(string cooperativeId, ComplaintKind kind, string? text)
    {
        var reason = kind == ComplaintKind.Price ? AdmissionSuspensionReason.PriceComplaint : AdmissionSuspensionReason.QualityComplaint;
        Value<CooperativeAdmission>(await AdmissionApi.Suspend(Api, cooperativeId, new AdmissionSuspendRequest(reason, text)));
        return Redirect("/operator/complaints");
    }
}
