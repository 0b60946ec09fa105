using AgriLink.Domain.Dividends;

namespace AgriLink.Grains.Dividends;

/// <summary>A declaration and its distribution's totals; the lines are paged separately (a cooperative may have thousands).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DeclarationView")]
public sealed record DeclarationView(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] Declaration Declaration,
    [property: Id(2)] YearEndFigures Figures,
    [property: Id(3)] Distribution Totals,
    [property: Id(4)] int LineCount,
    [property: Id(5)] int PaidLineCount);
