using AgriLink.Domain.Matching;

namespace AgriLink.Grains.Matching;

/// <summary>What the open-demands registry keeps of a demand: whose it is and its criteria.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OpenDemand")]
public sealed record OpenDemand(
    [property: Id(0)] string DemandId,
    [property: Id(1)] string BuyerId,
    [property: Id(2)] DemandSpec Spec,
    [property: Id(3)] int Revision);
