using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Cooperatives;

/// <summary>
/// A member of a cooperative. <see cref="MemberId"/> names a household, village collective or
/// enterprise on the platform; individuals may be members without an account (law Art. 19). <see cref="Office"/> is the
/// office the member assembly elected the member to (<see cref="OfficeElection"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CooperativeMember")]
public sealed record CooperativeMember(
    [property: Id(0)] string MemberId,
    [property: Id(1)] MemberKind Kind,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] bool IsFarmer,
    [property: Id(4)] DateOnly JoinedOn,
    [property: Id(5)] bool IsOfficer = false,
    [property: Id(6)] CooperativeOffice Office = CooperativeOffice.None)
{
    public void Validate(DateOnly today) =>
        new Validator()
            .Text("memberId", MemberId, 40)
            // Member ids name ledger accounts (holder:{id}:dividends), so they are single tokens.
            .Check(MemberId is null || MemberId.Trim().All(c => !char.IsWhiteSpace(c) && c != ':'), "memberId",
                "must not contain spaces or ':'.")
            .Check(Enum.IsDefined(Kind), "kind", "is not a known member kind.")
            .Check(Enum.IsDefined(Office), "office", "is not a known office.")
            .Text("displayName", DisplayName, 100)
            .Check(JoinedOn <= today, "joinedOn", "must not be in the future.")
            .PlausibleDate("joinedOn", JoinedOn)
            // Organisations are never counted as farmer members (Art. 20 composition rule).
            .Check(!IsFarmer || Kind is MemberKind.Household or MemberKind.Individual, "isFarmer",
                "only households and individuals can be farmer members.")
            .ThrowIfInvalid();
}
