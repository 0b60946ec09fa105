using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Cooperatives;

/// <summary>
/// apply → county recommends (or declines, with its reason) → platform approves (or rejects; a rejected or declined
/// cooperative may apply again);
/// approved ⇄ suspended. Only an approved cooperative sells: publishes listings and takes orders.
/// </summary>
public static class AdmissionLifecycle
{
    public const int MaxNote = 500;

    public static AdmissionStatus Next(AdmissionStatus from, AdmissionAction action) => (action, from) switch
    {
        (AdmissionAction.Apply, AdmissionStatus.NotApplied or AdmissionStatus.Rejected) => AdmissionStatus.Applied,
        (AdmissionAction.Recommend, AdmissionStatus.Applied) => AdmissionStatus.CountyRecommended,
        (AdmissionAction.Approve, AdmissionStatus.CountyRecommended) => AdmissionStatus.Approved,
        (AdmissionAction.Reject, AdmissionStatus.Applied or AdmissionStatus.CountyRecommended) => AdmissionStatus.Rejected,
        (AdmissionAction.Decline, AdmissionStatus.Applied) => AdmissionStatus.Rejected,
        (AdmissionAction.Suspend, AdmissionStatus.Approved) => AdmissionStatus.Suspended,
        (AdmissionAction.Reinstate, AdmissionStatus.Suspended) => AdmissionStatus.Approved,
        _ => throw new RuleViolationException("admission.illegal-transition",
            $"Cannot {action.ToString().ToLowerInvariant()} a cooperative whose admission is {from}."),
    };

    public static bool MaySell(AdmissionStatus status) => status == AdmissionStatus.Approved;

    /// <summary>Rejections, declines and suspensions must say why; other steps may carry a note.</summary>
    public static void ValidateNote(AdmissionAction action, string? note, AdmissionSuspensionReason? reason)
    {
        var needsReason = action is AdmissionAction.Reject or AdmissionAction.Decline or AdmissionAction.Suspend;
        new Validator()
            .Text(needsReason ? "reason" : "note", note, MaxNote, required: needsReason)
            .Check(action != AdmissionAction.Suspend || (reason is { } r && Enum.IsDefined(r)), "suspensionReason",
                "must be PriceComplaint, QualityComplaint or Other.")
            .ThrowIfInvalid();
    }
}
