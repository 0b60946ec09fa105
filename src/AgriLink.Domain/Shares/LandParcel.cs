namespace AgriLink.Domain.Shares;

/// <summary>The land or forest behind a right-based share; area in milli-mu (1 mu = 1000).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.LandParcel")]
public sealed record LandParcel(
    [property: Id(0)] string ParcelNo,
    [property: Id(1)] long AreaMilliMu,
    [property: Id(2)] DateOnly LeaseStart,
    [property: Id(3)] DateOnly LeaseEnd);
