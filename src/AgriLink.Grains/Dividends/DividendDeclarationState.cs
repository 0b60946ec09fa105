using AgriLink.Domain.Dividends;

namespace AgriLink.Grains.Dividends;

[GenerateSerializer, Alias("AgriLink.DividendDeclarationState")]
public sealed record DividendDeclarationState
{
    [Id(0)] public Declaration? Declaration { get; init; }
    [Id(1)] public YearEndFigures? Figures { get; init; }
    [Id(2)] public Charter? Charter { get; init; }
    [Id(3)] public Distribution? Distribution { get; init; }
    [Id(4)] public int PaidLineCount { get; init; }
}
