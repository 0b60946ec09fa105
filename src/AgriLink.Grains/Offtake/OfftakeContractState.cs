using AgriLink.Domain.Offtake;

namespace AgriLink.Grains.Offtake;

[GenerateSerializer, Alias("AgriLink.OfftakeContractState")]
public sealed record OfftakeContractState
{
    [Id(0)] public string? EnterpriseId { get; init; }
    [Id(1)] public string? CooperativeId { get; init; }
    [Id(2)] public OfftakeTerms? Terms { get; init; }
    [Id(3)] public OfftakeStatus Status { get; init; }
    [Id(4)] public List<OfftakeEvent> History { get; init; } = [];
    /// <summary>In the order recorded; a contract has at most a few hundred deliveries, so the list is kept whole.</summary>
    [Id(5)] public List<OfftakeDelivery> Deliveries { get; init; } = [];
    [Id(6)] public List<string> RecordedBy { get; init; } = [];
}
