using Xunit;

// Each test runs a whole cluster of processes; two at once on a 2-core machine only slow each other past their bounds.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
