using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Cooperatives;

/// <summary>One member's office after an election or a removal (<see cref="CooperativeOffice.None"/>: removed from office).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OfficeChange")]
public sealed record OfficeChange([property: Id(0)] string MemberId, [property: Id(1)] CooperativeOffice Office);

/// <summary>
/// Who holds which office. The officers the founding meeting (设立大会) elected before the cooperative came to the platform
/// are recorded as they are, once; every later change names the member assembly's passed resolution electing or removing
/// them, as a charter amendment names its resolution (<see cref="CharterAmendment"/>).
/// </summary>
public static class OfficeElection
{
    public const string Rule = "理事长、理事、执行监事或者监事会成员由成员大会从本社成员中选举产生（农民专业合作社法第三十三条）";

    public const int MaxChanges = 50;

    public static RuleViolationException NoResolution() =>
        new("office.no-resolution", $"{Rule}。本社任职已登记，变更须先召开成员大会表决选举或罢免，决议通过后在登记时注明该决议。");

    public static void EnsureAuthorises(string reference, Resolution? resolution, DateTimeOffset? closedAt) =>
        PassedResolution.Ensure(reference, resolution, closedAt, ResolutionSubject.Election, "office.resolution-invalid", Rule);

    /// <summary>The roll with the changes applied: each names a member once; the cooperative has at most one chair (Art. 33).</summary>
    public static IReadOnlyList<CooperativeMember> Apply(IReadOnlyList<CooperativeMember> members, IReadOnlyList<OfficeChange>? changes)
    {
        var v = new Validator().Check(changes is { Count: > 0 and <= MaxChanges }, "changes", $"must list between 1 and {MaxChanges} changes.");
        var byMember = new Dictionary<string, CooperativeOffice>(StringComparer.Ordinal);
        for (var i = 0; i < (changes?.Count ?? 0); i++)
        {
            var c = changes![i];
            var id = c?.MemberId?.Trim() ?? "";
            if (c is null || id.Length == 0) { v.Add($"changes[{i}].memberId", "is required."); continue; }
            v.Check(Enum.IsDefined(c.Office), $"changes[{i}].office", "is not a known office.")
             .Check(members.Any(m => m.MemberId == id), $"changes[{i}].memberId", $"'{id}' is not a member of the cooperative; admit the member first.")
             .Check(byMember.TryAdd(id, c.Office), $"changes[{i}].memberId", $"names '{id}' twice.");
        }
        v.ThrowIfInvalid();
        var next = members.Select(m => byMember.TryGetValue(m.MemberId, out var office)
            ? m with { Office = office, IsOfficer = office != CooperativeOffice.None }
            : m).ToList();
        if (next.Count(m => m.Office == CooperativeOffice.Chair) > 1)
            throw new RuleViolationException("office.one-chair", "农民专业合作社设理事长一名（农民专业合作社法第三十三条）；选举新理事长时请同时登记原理事长卸任。");
        return next;
    }
}
