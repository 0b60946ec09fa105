using Orleans;

namespace AgriLink.Storage.Tests.Persistence;

[GenerateSerializer, Immutable, Alias("AgriLink.Storage.Tests.TestSupplier")]
public sealed record TestSupplier([property: Id(0)] string CooperativeId, [property: Id(1)] int Members);
