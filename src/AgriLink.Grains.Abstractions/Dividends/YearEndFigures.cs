namespace AgriLink.Grains.Dividends;

/// <summary>The year's accounts as the cooperative's bookkeeper closes them; trade and holdings come from the platform.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.YearEndFigures")]
public sealed record YearEndFigures(
    [property: Id(0)] long SurplusFen,
    [property: Id(1)] long PriorLossesFen = 0,
    [property: Id(2)] long ProfitPerMuFen = 0);
