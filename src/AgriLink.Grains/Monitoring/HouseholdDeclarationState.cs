using System.Collections.Immutable;

namespace AgriLink.Grains.Monitoring;

[GenerateSerializer, Alias("AgriLink.HouseholdDeclarationState")]
public sealed record HouseholdDeclarationState
{
    [Id(0)] public IncomeDeclaration? Declaration { get; init; }

    /// <summary>The departments' rows already added (<c>import:{file}:{line}</c>): few per household and year.</summary>
    [Id(1)] public ImmutableHashSet<string> Imported { get; init; } = ImmutableHashSet<string>.Empty;
}
