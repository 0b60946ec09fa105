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
        PassedResolution.Ensure(reference, resolution, closedAt, ResolutionSubject.CharterAmendment, Code, Rule);
        if (inForceSince is { } since && closedAt <= since)
            throw PassedResolution.Invalid(Code, reference, $"早于现行章程的登记（{since:yyyy-MM-dd HH:mm}），不能再用来修改章程", Rule);
    }

    /// <summary>The reference as the register keeps it: the assembly and the resolution, "asm-…/r1".</summary>
    public static (string AssemblyId, string ResolutionId) Parse(string? reference) => PassedResolution.Parse(reference);

    private const string Code = "charter.resolution-invalid";
}
