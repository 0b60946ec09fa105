using AgriLink.Domain.Shares;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;
using static AgriLink.Domain.Tests.Shares.RegisterSamples;

namespace AgriLink.Domain.Tests.Shares;

/// <summary>Register events are the stored form of the register, so each must survive Orleans serialization.</summary>
public class ShareSerializationTests
{
    private static readonly Serializer Serializer =
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void EveryRegisterEventSurvivesOrleansSerialization()
    {
        var register = Empty().With(Land("l1", "hh-a", 6, 6000), Fiscal("p1", "hh-a", 10, preferred: true), Fiscal("p2", "hh-c", 4, preferred: true))
            .Transfer(new ShareTransfer("l1", 2, "hh-b", ShareholderKind.Household, "l2", "GQ-l2"), false, new(2021, 5, 1), "admin", "inherit")
            .ConvertPreferred("p2", new(2021, 5, 2), "admin", "exit")
            .ReassignPreferred("p1", ["hh-b", "hh-c"], new(2021, 5, 3), "admin", "exit")
            .NoticeWithdrawal("hh-b", new(2021, 6, 1), "hh-b", "leaving")
            .ApplyDueWithdrawals(new DateOnly(2022, 1, 1));
        Assert.Equal(6, register.Events.Select(e => e.GetType()).Distinct().Count());

        ShareEvent[] events = [.. register.Events];
        var copy = Serializer.Deserialize<ShareEvent[]>(Serializer.SerializeToArray(events));

        Assert.Equivalent(events, copy, strict: true);
        Assert.Equal(register.Holdings, ShareRegister.Replay(register.CooperativeId, 12, copy!).Holdings);
    }

    [Fact]
    public void CompositionReportSurvivesOrleansSerialization()
    {
        var report = MembershipComposition.Check([]);

        Assert.Equivalent(report, Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(report)), strict: true);
    }
}
