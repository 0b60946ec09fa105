namespace AgriLink.Domain.Cooperatives;

[GenerateSerializer, Alias("AgriLink.MemberKind")]
public enum MemberKind
{
    Household = 0,
    VillageCollective = 1,
    Enterprise = 2,
    Individual = 3,
}
