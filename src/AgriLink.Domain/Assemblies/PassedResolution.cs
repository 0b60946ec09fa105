using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Assemblies;

/// <summary>
/// A change the member assembly must decide names its resolution (<c>{assemblyId}/{resolutionId}</c>): the change is
/// recorded only when that resolution is of the right subject, was counted, and passed.
/// </summary>
public static class PassedResolution
{
    /// <summary>The reference as it is kept: the assembly and the resolution, "asm-…/r1".</summary>
    public static (string AssemblyId, string ResolutionId) Parse(string? reference)
    {
        var slash = reference?.IndexOf('/') ?? -1;
        if (reference is null || slash <= 0 || slash == reference.Length - 1 || reference.Length > 200 || reference.IndexOf('/', slash + 1) >= 0
            || reference.Contains(':'))
            throw ValidationFailedException.For("resolution", "must name the assembly and its resolution as 'assembly-id/resolution-id'.");
        return (reference[..slash], reference[(slash + 1)..]);
    }

    /// <summary>
    /// Refuses (<paramref name="code"/>, quoting <paramref name="rule"/>) unless <paramref name="resolution"/>, of an assembly
    /// closed at <paramref name="closedAt"/>, is a passed resolution on <paramref name="subject"/>.
    /// </summary>
    public static void Ensure(string reference, Resolution? resolution, DateTimeOffset? closedAt, ResolutionSubject subject, string code, string rule)
    {
        if (resolution is null || closedAt is null)
            throw Invalid(code, reference, "不是本社已计票的成员大会决议", rule);
        if (resolution.Subject != subject)
            throw Invalid(code, reference, $"不是{SubjectWord(subject)}的决议", rule);
        if (!resolution.Passed)
            throw Invalid(code, reference, $"未获通过（{resolution.Outcome?.Explanation}）", rule);
    }

    internal static RuleViolationException Invalid(string code, string reference, string why, string rule) =>
        new(code, $"决议 {reference} {why}。{rule}。");

    private static string SubjectWord(ResolutionSubject subject) => subject switch
    {
        ResolutionSubject.CharterAmendment => "修改章程",
        ResolutionSubject.Election => "选举或罢免理事长、理事、监事",
        ResolutionSubject.DistributionPlan => "盈余分配方案",
        _ => subject.ToString(),
    };
}
