using System.Diagnostics.CodeAnalysis;
using Orleans;

namespace AgriLink.Storage.Tests.Persistence;

/// <summary>
/// Stands in for the runtime's state holder. Orleans' own <c>GrainState&lt;T&gt;</c> types State as nullable,
/// which would litter every assertion with <c>!</c>; the interface's setter accepts null, so this one maps it to fresh state.
/// </summary>
internal sealed class TestGrainState(TestListingState state, string? etag = null) : IGrainState<TestListingState>
{
    [AllowNull]
    public TestListingState State { get; set => field = value ?? new TestListingState(); } = state;

    public string? ETag { get; set; } = etag;

    public bool RecordExists { get; set; }
}
