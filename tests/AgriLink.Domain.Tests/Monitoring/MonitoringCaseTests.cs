using AgriLink.Domain.Errors;
using AgriLink.Domain.Monitoring;
using CsCheck;
using Xunit;

namespace AgriLink.Domain.Tests.Monitoring;

/// <summary>The case's state machine: its whole table of stage × action × role, the path to closure, deadlines.</summary>
public sealed class MonitoringCaseTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CaseTimeLimits Limits = new();
    private static readonly AssistanceMeasure Measure = new(MeasureKind.OfftakePriority, "刺梨优先收购", "王书记", new DateOnly(2025, 3, 20));

    /// <summary>The allowed (stage, action, role) triples, written out here independently of the code's table.</summary>
    private static readonly HashSet<(CaseStage, CaseAction, CaseRole)> Allowed =
    [
        (CaseStage.Reported, CaseAction.VillageReview, CaseRole.VillageCadre),
        (CaseStage.Reported, CaseAction.Dismiss, CaseRole.VillageCadre),
        (CaseStage.VillageReviewed, CaseAction.TownshipCheck, CaseRole.TownshipOfficer),
        (CaseStage.VillageReviewed, CaseAction.Dismiss, CaseRole.TownshipOfficer),
        (CaseStage.TownshipChecked, CaseAction.CountyConfirm, CaseRole.CountyOfficer),
        (CaseStage.TownshipChecked, CaseAction.Dismiss, CaseRole.CountyOfficer),
        (CaseStage.Confirmed, CaseAction.AddMeasure, CaseRole.VillageCadre),
        (CaseStage.Confirmed, CaseAction.AddMeasure, CaseRole.TownshipOfficer),
        (CaseStage.Confirmed, CaseAction.AddMeasure, CaseRole.CountyOfficer),
        (CaseStage.Assisting, CaseAction.AddMeasure, CaseRole.VillageCadre),
        (CaseStage.Assisting, CaseAction.AddMeasure, CaseRole.TownshipOfficer),
        (CaseStage.Assisting, CaseAction.AddMeasure, CaseRole.CountyOfficer),
        (CaseStage.Assisting, CaseAction.EliminateRisk, CaseRole.CountyOfficer),
        (CaseStage.RiskEliminated, CaseAction.Close, CaseRole.CountyOfficer),
    ];

    private static MonitoringCase Opened() =>
        MonitoringCase.Open("hh-pz01", DiscoveryChannel.PlatformWarning, CaseRole.Platform, "platform", T0, "人均收入低于监测线");

    /// <summary>A case brought to <paramref name="stage"/> along the normal path (a dismissed one from its first review).</summary>
    private static MonitoringCase At(CaseStage stage)
    {
        var c = Opened();
        if (stage == CaseStage.Reported) return c;
        if (stage == CaseStage.Dismissed) return c.Dismiss(CaseRole.VillageCadre, "cadre.v", T0.AddDays(1), "家中已有稳定务工收入");
        c = c.VillageReview("cadre.v", T0.AddDays(2), "3月5日村民代表会议，9人参加，同意纳入");
        if (stage == CaseStage.VillageReviewed) return c;
        c = c.TownshipCheck("town.o", T0.AddDays(4), "入户核实属实");
        if (stage == CaseStage.TownshipChecked) return c;
        c = c.CountyConfirm("county.o", T0.AddDays(6), MonitoringCategory.UnstableExited, "确认为脱贫不稳定户");
        if (stage == CaseStage.Confirmed) return c;
        c = c.AddMeasure(CaseRole.VillageCadre, "cadre.v", T0.AddDays(10), Measure);
        if (stage == CaseStage.Assisting) return c;
        c = c.EliminateRisk("county.o", T0.AddMonths(8), 6, Limits, "连续6个月收入稳定在监测线以上，帮扶责任人评估风险已消除");
        if (stage == CaseStage.RiskEliminated) return c;
        return c.Close("county.o", T0.AddMonths(8).AddDays(3), "风险消除，标注退出监测");
    }

    private static MonitoringCase Take(MonitoringCase c, CaseAction action, CaseRole role) => action switch
    {
        CaseAction.VillageReview when role == CaseRole.VillageCadre => c.VillageReview("x", T0.AddDays(30), "评议"),
        CaseAction.TownshipCheck when role == CaseRole.TownshipOfficer => c.TownshipCheck("x", T0.AddDays(30), "审核"),
        CaseAction.CountyConfirm when role == CaseRole.CountyOfficer => c.CountyConfirm("x", T0.AddDays(30), MonitoringCategory.Marginal, "确认"),
        CaseAction.EliminateRisk when role == CaseRole.CountyOfficer => c.EliminateRisk("x", T0.AddDays(300), 12, Limits, "评估"),
        CaseAction.Close when role == CaseRole.CountyOfficer => c.Close("x", T0.AddDays(300), "关闭"),
        // The role-fixed actions taken by another role go through the role-taking methods where one exists.
        CaseAction.Dismiss => c.Dismiss(role, "x", T0.AddDays(30), "不符合条件"),
        CaseAction.AddMeasure => c.AddMeasure(role, "x", T0.AddDays(30), Measure),
        _ => throw new RuleViolationException("monitoring.not-allowed", "no method takes this role"),
    };

    public static TheoryData<CaseStage, CaseAction, CaseRole> EveryStageActionAndRole()
    {
        var data = new TheoryData<CaseStage, CaseAction, CaseRole>();
        foreach (var stage in Enum.GetValues<CaseStage>())
        foreach (var action in Enum.GetValues<CaseAction>())
        foreach (var role in Enum.GetValues<CaseRole>())
            data.Add(stage, action, role);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStageActionAndRole))]
    public void EachActionIsTakenOnlyByItsRoleAtItsStage(CaseStage stage, CaseAction action, CaseRole role)
    {
        var before = At(stage);
        Assert.Equal(Allowed.Contains((stage, action, role)), MonitoringCase.Allows(action, role, stage));
        if (Allowed.Contains((stage, action, role)))
        {
            var after = Take(before, action, role);
            var step = after.Steps[^1];
            Assert.Equal((stage, after.Stage, role), (step.From, step.To, step.Role));
            Assert.Equal(before.Steps.Count + 1, after.Steps.Count);
            return;
        }

        var refused = Assert.Throws<RuleViolationException>(() => Take(before, action, role));
        var roleEverTakesIt = Allowed.Any(a => a.Item2 == action && a.Item3 == role);
        Assert.Equal(roleEverTakesIt ? "monitoring.illegal-transition" : "monitoring.not-allowed", refused.Code);
    }

    [Fact]
    public void ACaseGoesFromWarningToClosedNamingWhoWhenAndWhy()
    {
        var closed = At(CaseStage.Closed);

        Assert.Equal(["open", "village-review", "township-check", "county-confirm", "add-measure", "eliminate-risk", "close"], closed.Steps.Select(s => s.Action));
        Assert.Equal(["platform", "cadre.v", "town.o", "county.o", "cadre.v", "county.o", "county.o"], closed.Steps.Select(s => s.Actor));
        Assert.All(closed.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Note)));
        Assert.Equal((MonitoringCategory.UnstableExited, false), (closed.Category, closed.IsOpen));
        Assert.Equal("刺梨优先收购", Assert.Single(closed.Measures).Description);
        Assert.True(closed.Steps.Zip(closed.Steps.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Fact]
    public void ADismissedCaseKeepsItsReasonAndTakesNothingMore()
    {
        var dismissed = At(CaseStage.Dismissed);
        Assert.Equal(("家中已有稳定务工收入", false), (dismissed.DismissedReason, dismissed.IsOpen));
        Assert.All(Enum.GetValues<CaseAction>(), a => Assert.All(Enum.GetValues<CaseRole>(), r => Assert.False(MonitoringCase.Allows(a, r, CaseStage.Dismissed))));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void TheRiskIsEliminatedOnlyAfterTheStableMonths(int months, bool eliminated)
    {
        var assisting = At(CaseStage.Assisting);
        if (eliminated)
        {
            Assert.Equal(CaseStage.RiskEliminated, assisting.EliminateRisk("county.o", T0.AddMonths(7), months, Limits, "评估").Stage);
            return;
        }
        var refused = Assert.Throws<RuleViolationException>(() => assisting.EliminateRisk("county.o", T0.AddMonths(7), months, Limits, "评估"));
        Assert.Equal(("monitoring.not-stable", true), (refused.Code, refused.Unprocessable));
    }

    [Theory]
    [InlineData(DiscoveryChannel.SelfReport, CaseRole.Household, true)]
    [InlineData(DiscoveryChannel.CadreVisit, CaseRole.Household, false)]
    [InlineData(DiscoveryChannel.CadreVisit, CaseRole.VillageCadre, true)]
    [InlineData(DiscoveryChannel.DepartmentData, CaseRole.VillageCadre, false)]
    [InlineData(DiscoveryChannel.DepartmentData, CaseRole.CountyOfficer, true)]
    [InlineData(DiscoveryChannel.PlatformWarning, CaseRole.CountyOfficer, false)]
    [InlineData(DiscoveryChannel.PlatformWarning, CaseRole.Platform, true)]
    public void EachChannelIsOpenedByWhoFindsThatWay(DiscoveryChannel channel, CaseRole role, bool allowed)
    {
        if (allowed)
        {
            var opened = MonitoringCase.Open("hh-1", channel, role, "someone", T0, "情况说明");
            Assert.Equal((CaseStage.Reported, channel), (opened.Stage, opened.Channel));
            return;
        }
        Assert.Equal("monitoring.not-allowed", Assert.Throws<RuleViolationException>(() => MonitoringCase.Open("hh-1", channel, role, "someone", T0, "情况说明")).Code);
    }

    [Fact]
    public void AStepWithoutItsReasonOrAnInvalidMeasureIsRefused()
    {
        Assert.Contains("reason", Assert.Throws<ValidationFailedException>(() => At(CaseStage.Reported).Dismiss(CaseRole.VillageCadre, "x", T0, " ")).Errors.Keys);
        var invalid = Assert.Throws<ValidationFailedException>(() =>
            At(CaseStage.Confirmed).AddMeasure(CaseRole.CountyOfficer, "x", T0, Measure with { ResponsibleCadre = "", End = new DateOnly(2025, 1, 1) }));
        Assert.Equal(["end", "responsibleCadre"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(CaseStage.Reported, 7)]
    [InlineData(CaseStage.VillageReviewed, 5)]
    [InlineData(CaseStage.TownshipChecked, 5)]
    [InlineData(CaseStage.Confirmed, 15)]
    [InlineData(CaseStage.RiskEliminated, 15)]
    public void AWaitingStepIsOverdueAfterItsLimitFromWhenTheStageBegan(CaseStage stage, int days)
    {
        var c = At(stage);
        var due = c.StageSince.AddDays(days);
        Assert.Equal(due, c.DueBy(Limits));
        Assert.False(c.IsOverdue(Limits, due));
        Assert.True(c.IsOverdue(Limits, due.AddSeconds(1)));
    }

    [Theory]
    [InlineData(CaseStage.Assisting)]
    [InlineData(CaseStage.Closed)]
    [InlineData(CaseStage.Dismissed)]
    public void StagesThatWaitOnNoOneAreNeverOverdue(CaseStage stage) =>
        Assert.False(At(stage).IsOverdue(Limits, T0.AddYears(5)));

    [Fact]
    public void AnySequenceOfActionsOnlyEverMovesAlongTheTable() =>
        Gen.Select(Gen.Enum<CaseAction>(), Gen.Enum<CaseRole>()).Array[0, 40].Sample(actions =>
        {
            var c = Opened();
            foreach (var (action, role) in actions)
            {
                try
                {
                    c = Take(c, action, role);
                }
                catch (DomainException)
                {
                    // Refused: the case is immutable, nothing changed.
                }
            }
            Assert.All(c.Steps.Skip(1), s => Assert.Contains(Allowed, a => a.Item1 == s.From && a.Item3 == s.Role));
            Assert.Equal(c.Stage, c.Steps[^1].To);
            Assert.True(c.Steps.Count(s => s.To is CaseStage.Closed or CaseStage.Dismissed) <= 1);
        });
}
