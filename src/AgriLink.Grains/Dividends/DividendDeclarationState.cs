using AgriLink.Domain.Dividends;

namespace AgriLink.Grains.Dividends;

/// <summary>
/// The workflow and the distribution's totals: small, written at every step. The inputs the lines are
/// computed from (one position per holding, possibly tens of thousands) live in <see cref="DividendInputsState"/>,
/// written once per computation; <see cref="Revision"/> ties the two together.
/// </summary>
[GenerateSerializer, Alias("AgriLink.DividendDeclarationState")]
public sealed record DividendDeclarationState
{
    [Id(0)] public Declaration? Declaration { get; init; }
    [Id(1)] public YearEndFigures? Figures { get; init; }
    [Id(2)] public Charter? Charter { get; init; }
    /// <summary>The distribution without its lines.</summary>
    [Id(3)] public Distribution? Totals { get; init; }
    [Id(4)] public int PaidLineCount { get; init; }
    [Id(5)] public int Revision { get; init; }
    [Id(6)] public int LineCount { get; init; }
}
