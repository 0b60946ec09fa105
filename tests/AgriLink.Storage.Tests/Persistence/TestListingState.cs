using Orleans;

namespace AgriLink.Storage.Tests.Persistence;

/// <summary>Shaped like real grain state: scalars, a list and a nested record.</summary>
[GenerateSerializer, Alias("AgriLink.Storage.Tests.TestListingState")]
public sealed class TestListingState
{
    [Id(0)] public string Title { get; set; } = "";
    [Id(1)] public long PriceFen { get; set; }
    [Id(2)] public List<string> Tags { get; set; } = [];
    [Id(3)] public TestSupplier? Supplier { get; set; }
}
