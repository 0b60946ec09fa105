using AgriLink.Domain.Errors;
using AgriLink.Domain.Offtake;
using Xunit;
using static AgriLink.Domain.Tests.Offtake.OfftakeSamples;

namespace AgriLink.Domain.Tests.Offtake;

public class OfftakeLifecycleTests
{
    [Fact]
    public void CooperativeAcceptsOrDeclinesAProposal()
    {
        Assert.Equal(OfftakeStatus.Active, OfftakeLifecycle.Accept(OfftakeStatus.Proposed));
        Assert.Equal(OfftakeStatus.Declined, OfftakeLifecycle.Decline(OfftakeStatus.Proposed));
    }

    [Theory]
    [InlineData(OfftakeStatus.Active)]
    [InlineData(OfftakeStatus.Completed)]
    [InlineData(OfftakeStatus.Terminated)]
    [InlineData(OfftakeStatus.Declined)]
    public void OnlyAProposalIsAccepted(OfftakeStatus from) =>
        Assert.Equal("offtake.illegal-transition", Assert.Throws<RuleViolationException>(() => OfftakeLifecycle.Accept(from)).Code);

    [Fact]
    public void CompletingInsideTheWindowNeedsTheFullQuantity()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            OfftakeLifecycle.Complete(OfftakeStatus.Active, Cili, 99_999.999m, new(2026, 10, 31)));
        Assert.Equal("offtake.window-open", error.Code);

        Assert.Equal(OfftakeStatus.Completed, OfftakeLifecycle.Complete(OfftakeStatus.Active, Cili, 100_000m, new(2026, 10, 31)));
        Assert.Equal(OfftakeStatus.Completed, OfftakeLifecycle.Complete(OfftakeStatus.Active, Cili, 0m, new(2026, 11, 1)));
    }

    [Theory]
    [InlineData(OfftakeStatus.Proposed, true)]
    [InlineData(OfftakeStatus.Active, true)]
    [InlineData(OfftakeStatus.Completed, false)]
    [InlineData(OfftakeStatus.Declined, false)]
    [InlineData(OfftakeStatus.Terminated, false)]
    public void ProposalsAndActiveContractsCanBeTerminated(OfftakeStatus from, bool allowed)
    {
        if (allowed) Assert.Equal(OfftakeStatus.Terminated, OfftakeLifecycle.Terminate(from));
        else Assert.Throws<RuleViolationException>(() => OfftakeLifecycle.Terminate(from));
    }

    [Fact]
    public void DeliveriesAreRecordedOnlyOnActiveContracts()
    {
        OfftakeLifecycle.CheckCanDeliver(OfftakeStatus.Active);
        Assert.Throws<RuleViolationException>(() => OfftakeLifecycle.CheckCanDeliver(OfftakeStatus.Proposed));
        Assert.Throws<RuleViolationException>(() => OfftakeLifecycle.CheckCanDeliver(OfftakeStatus.Completed));
    }
}
