namespace AgriLink.Domain.Assemblies;

/// <summary>A motion as the admin puts it to the assembly.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ResolutionDraft")]
public sealed record ResolutionDraft(
    [property: Id(0)] ResolutionSubject Subject,
    [property: Id(1)] string? Title,
    [property: Id(2)] int? FiscalYear = null);
