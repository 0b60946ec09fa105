using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Assemblies;

/// <summary>
/// A recorded charter (章程) changes only with the member assembly's passed resolution to amend it — two thirds of all
/// votes (<see cref="AssemblyRules.SpecialRule"/>). The first charter is the one the founding meeting (设立大会) adopted
/// before the cooperative came to the platform, and is registered as it is. Each amendment names its resolution
/// (<c>{assemblyId}/{resolutionId}</c>); a resolution counted before the charter in force cannot bring back an older text.
/// </summary>
public static class CharterAmendment
{
    public const string Rule = "章程已登记：修改章程须经成员大会以本社成员表决权总数三分之二以上通过修改章程的决议，凭该决议登记修改后的章程";

    /// <summary>Refuses a change of a recorded charter that names no resolution.</summary>
    public static RuleViolationException NoResolution() =>
        new RuleViolationException("charter.no-resolution", $"{Rule}。请先召开成员大会表决修改章程，决议通过后在登记时注明该决议。");

    /// <summary>
    /// Checks that <paramref name="resolution"/> (of an assembly closed at <paramref name="closedAt"/>) is a passed
    /// charter amendment counted after the charter in force was adopted (<paramref name="inForceSince"/>; null for the
    /// founding charter).
    /// </summary>
    public static void EnsureAuthorises(string reference, Resolution? resolution, DateTimeOffset? closedAt, DateTimeOffset? inForceSince)
    {
        if (resolution is null || closedAt is null)
            throw Invalid(reference, "不是本社已计票的成员大会决议");
        if (resolution.Subject != ResolutionSubject.CharterAmendment)
            throw Invalid(reference, "不是修改章程的决议");
        if (!resolution.Passed)
            throw Invalid(reference, $"未获通过（{resolution.Outcome?.Explanation}）");
        if (inForceSince is { } since && closedAt <= since)
            throw Invalid(reference, $"早于现行章程的登记（{since:yyyy-MM-dd HH:mm}），不能再用来修改章程");
    }

    /// <summary>The reference as the register keeps it: the assembly and the resolution, "asm-…/r1".</summary>
    public static (string AssemblyId, string ResolutionId) Parse(string? reference)
    {
        var slash = reference?.IndexOf('/') ?? -1;
        if (reference is null || slash <= 0 || slash == reference.Length - 1 || reference.Length > 200 || reference.IndexOf('/', slash + 1) >= 0
            || reference.Contains(':'))
            throw ValidationFailedException.For("resolution", "must name the assembly and its resolution as 'assembly-id/resolution-id'.");
        return (reference[..slash], reference[(slash + 1)..]);
    }

    private static RuleViolationException Invalid(string reference, string why) =>
        new RuleViolationException("charter.resolution-invalid", $"决议 {reference} {why}。{Rule}。");
}
