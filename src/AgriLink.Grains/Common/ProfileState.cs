namespace AgriLink.Grains.Common;

/// <summary>State of an aggregate that is just a validated profile (enterprise, buyer, village collective).</summary>
[GenerateSerializer, Alias("AgriLink.ProfileState`1")]
public sealed record ProfileState<TProfile> where TProfile : class
{
    [Id(0)] public TProfile? Profile { get; init; }
    [Id(1)] public DateTimeOffset RegisteredAt { get; init; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; init; }
}
