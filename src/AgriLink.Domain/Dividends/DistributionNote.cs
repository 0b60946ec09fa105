namespace AgriLink.Domain.Dividends;

/// <summary>A step or decision of the distribution worth telling: a stable <see cref="Code"/> and an English sentence.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DistributionNote")]
public sealed record DistributionNote(
    [property: Id(0)] string Code,
    [property: Id(1)] string Text);
