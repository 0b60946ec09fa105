namespace AgriLink.Domain.Assemblies;

/// <summary>One motion before an assembly; a distribution plan names its fiscal year. Counted and decided at the close.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Resolution")]
public sealed record Resolution(
    [property: Id(0)] string ResolutionId,
    [property: Id(1)] ResolutionSubject Subject,
    [property: Id(2)] string Title,
    [property: Id(3)] int? FiscalYear = null,
    [property: Id(4)] ResolutionCount? Count = null,
    [property: Id(5)] ResolutionOutcome? Outcome = null)
{
    public bool Passed => Outcome?.Passed == true;
}
