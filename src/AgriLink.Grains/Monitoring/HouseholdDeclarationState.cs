namespace AgriLink.Grains.Monitoring;

[GenerateSerializer, Alias("AgriLink.HouseholdDeclarationState")]
public sealed record HouseholdDeclarationState
{
    [Id(0)] public IncomeDeclaration? Declaration { get; init; }
}
