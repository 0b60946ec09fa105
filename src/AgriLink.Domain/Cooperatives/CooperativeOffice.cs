namespace AgriLink.Domain.Cooperatives;

/// <summary>
/// The office a member holds, as the member assembly elected it from the members (law, 2017 text, Art. 33): the chair and
/// the board run the cooperative, the supervisors (监事会 or 执行监事) oversee it — here they audit the assembly's secret
/// ballots. The chair, directors, manager and accountants may not also be supervisors (same article), so a member
/// holds one office.
/// </summary>
[GenerateSerializer, Alias("AgriLink.CooperativeOffice")]
public enum CooperativeOffice
{
    None = 0,
    /// <summary>理事长.</summary>
    Chair = 1,
    /// <summary>理事.</summary>
    Director = 2,
    /// <summary>监事 (or the 执行监事 of a cooperative without a board of supervisors).</summary>
    Supervisor = 3,
}
