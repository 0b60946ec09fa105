using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Households;

/// <summary>
/// Which register changes are real: households are identified as poor, exit, and may then be
/// monitored; a monitored household whose risk is removed returns to where it came from.
/// Preferred shares and dividend floors key off this history, so it is append-only.
/// </summary>
public static class PovertyStatusRules
{
    public static void EnsureCanChange(IReadOnlyList<PovertyStatusChange> history, PovertyStatusChange next, DateOnly today)
    {
        var v = new Validator()
            .Check(Enum.IsDefined(next.Status), "status", "is not a known poverty status.")
            .Text("reason", next.Reason, 500)
            .Check(next.EffectiveOn <= today, "effectiveOn", "must not be in the future.");
        if (history.Count > 0)
            v.Check(next.EffectiveOn >= history[^1].EffectiveOn, "effectiveOn",
                $"must not be before the last change ({history[^1].EffectiveOn:yyyy-MM-dd}).");
        v.ThrowIfInvalid();

        var current = history.Count == 0 ? PovertyStatus.NotPoor : history[^1].Status;
        var everPoor = history.Any(h => h.Status == PovertyStatus.RegisteredPoor);
        if (!IsAllowed(current, next.Status, everPoor))
            throw new RuleViolationException("household.status-transition",
                $"A household cannot go from {current} to {next.Status}.");
    }

    public static bool IsAllowed(PovertyStatus from, PovertyStatus to, bool everRegisteredPoor) => (from, to) switch
    {
        (PovertyStatus.NotPoor, PovertyStatus.RegisteredPoor) => true,
        (PovertyStatus.NotPoor, PovertyStatus.Monitored) => true,
        (PovertyStatus.RegisteredPoor, PovertyStatus.Exited) => true,
        (PovertyStatus.Exited, PovertyStatus.Monitored) => true,
        // Risk removed: an exited household is exited again, an edge household is ordinary again.
        (PovertyStatus.Monitored, PovertyStatus.Exited) => everRegisteredPoor,
        (PovertyStatus.Monitored, PovertyStatus.NotPoor) => !everRegisteredPoor,
        _ => false,
    };
}
