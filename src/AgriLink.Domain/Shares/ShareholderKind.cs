namespace AgriLink.Domain.Shares;

[GenerateSerializer, Alias("AgriLink.ShareholderKind")]
public enum ShareholderKind
{
    Household = 0,
    VillageCollective = 1,
    Enterprise = 2,
    /// <summary>Any other member; treated as an individual (3 months' withdrawal notice).</summary>
    OtherMember = 3,
}
