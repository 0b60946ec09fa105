using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Errors;
using Xunit;

namespace AgriLink.Domain.Tests.Listings;

public sealed class AdmissionLifecycleTests
{
    public static TheoryData<AdmissionStatus, AdmissionAction, AdmissionStatus> Legal => new()
    {
        { AdmissionStatus.NotApplied, AdmissionAction.Apply, AdmissionStatus.Applied },
        { AdmissionStatus.Rejected, AdmissionAction.Apply, AdmissionStatus.Applied },
        { AdmissionStatus.Applied, AdmissionAction.Recommend, AdmissionStatus.CountyRecommended },
        { AdmissionStatus.Applied, AdmissionAction.Reject, AdmissionStatus.Rejected },
        { AdmissionStatus.Applied, AdmissionAction.Decline, AdmissionStatus.Rejected },
        { AdmissionStatus.CountyRecommended, AdmissionAction.Approve, AdmissionStatus.Approved },
        { AdmissionStatus.CountyRecommended, AdmissionAction.Reject, AdmissionStatus.Rejected },
        { AdmissionStatus.Approved, AdmissionAction.Suspend, AdmissionStatus.Suspended },
        { AdmissionStatus.Suspended, AdmissionAction.Reinstate, AdmissionStatus.Approved },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void LegalStepsMoveAsTheRulesSay(AdmissionStatus from, AdmissionAction action, AdmissionStatus to) =>
        Assert.Equal(to, AdmissionLifecycle.Next(from, action));

    [Fact]
    public void EveryOtherStepIsIllegal()
    {
        var legal = Legal.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
        foreach (var from in Enum.GetValues<AdmissionStatus>())
        foreach (var action in Enum.GetValues<AdmissionAction>())
        {
            if (legal.Contains((from, action))) continue;
            var error = Assert.Throws<RuleViolationException>(() => AdmissionLifecycle.Next(from, action));
            Assert.Equal("admission.illegal-transition", error.Code);
        }
    }

    [Fact]
    public void OnlyApprovedCooperativesSell() =>
        Assert.Equal([AdmissionStatus.Approved], Enum.GetValues<AdmissionStatus>().Where(AdmissionLifecycle.MaySell));

    [Fact]
    public void SuspensionNeedsAReasonKindAndText()
    {
        var error = Assert.Throws<ValidationFailedException>(() => AdmissionLifecycle.ValidateNote(AdmissionAction.Suspend, null, null));
        Assert.Equal(["reason", "suspensionReason"], error.Errors.Keys.Order(StringComparer.Ordinal));
        AdmissionLifecycle.ValidateNote(AdmissionAction.Suspend, "多次价格投诉", AdmissionSuspensionReason.PriceComplaint);
        AdmissionLifecycle.ValidateNote(AdmissionAction.Approve, null, null);
        Assert.Throws<ValidationFailedException>(() => AdmissionLifecycle.ValidateNote(AdmissionAction.Apply, new string('x', 501), null));
    }
}
