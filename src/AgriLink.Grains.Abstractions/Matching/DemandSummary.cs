using AgriLink.Domain.Quantities;

namespace AgriLink.Grains.Matching;

/// <summary>One line of a buyer's demand list; a higher <see cref="Revision"/> replaces a lower one.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.DemandSummary")]
public sealed record DemandSummary(
    [property: Id(0)] string DemandId,
    [property: Id(1)] string Title,
    [property: Id(2)] DemandStatus Status,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] Unit Unit,
    [property: Id(5)] DateOnly DeliverBy,
    [property: Id(6)] DateTimeOffset PostedAt,
    [property: Id(7)] int Revision);
