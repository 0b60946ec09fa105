namespace AgriLink.Domain.Assemblies;

[GenerateSerializer, Alias("AgriLink.VoteChoice")]
public enum VoteChoice
{
    Yes = 0,
    No = 1,
    Abstain = 2,
}
