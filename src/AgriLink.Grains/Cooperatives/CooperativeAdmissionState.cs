using System.Collections.Immutable;
using AgriLink.Domain.Cooperatives;

namespace AgriLink.Grains.Cooperatives;

[GenerateSerializer, Alias("AgriLink.CooperativeAdmissionState")]
public sealed record CooperativeAdmissionState
{
    [Id(0)] public AdmissionStatus Status { get; init; }
    [Id(1)] public ImmutableList<AdmissionChange> History { get; init; } = ImmutableList<AdmissionChange>.Empty;
}
