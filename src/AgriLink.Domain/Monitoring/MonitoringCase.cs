using System.Collections.Immutable;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Monitoring;

/// <summary>The three kinds of monitored household (the county confirms one).</summary>
[GenerateSerializer, Alias("AgriLink.MonitoringCategory")]
public enum MonitoringCategory
{
    /// <summary>脱贫不稳定户: exited, income below the line or unstable.</summary>
    UnstableExited = 0,
    /// <summary>边缘易致贫户: never registered, income below the line or unstable.</summary>
    Marginal = 1,
    /// <summary>突发严重困难户: sudden illness, disaster or accident leaves basic living in serious difficulty.</summary>
    SuddenHardship = 2,
}

/// <summary>How a case was found.</summary>
[GenerateSerializer, Alias("AgriLink.DiscoveryChannel")]
public enum DiscoveryChannel
{
    /// <summary>农户自主申报.</summary>
    SelfReport = 0,
    /// <summary>干部走访排查.</summary>
    CadreVisit = 1,
    /// <summary>部门筛查预警: another department's data.</summary>
    DepartmentData = 2,
    /// <summary>部门筛查预警: the platform's own income data.</summary>
    PlatformWarning = 3,
}

[GenerateSerializer, Alias("AgriLink.CaseStage")]
public enum CaseStage
{
    /// <summary>Found; awaiting the village's review (村级评议).</summary>
    Reported = 0,
    /// <summary>Reviewed by the village; awaiting the township's check (乡镇审核).</summary>
    VillageReviewed = 1,
    /// <summary>Checked by the township; awaiting the county's confirmation (县级确认).</summary>
    TownshipChecked = 2,
    /// <summary>Confirmed as monitored; awaiting its first assistance measure.</summary>
    Confirmed = 3,
    /// <summary>Measures under way (帮扶中).</summary>
    Assisting = 4,
    /// <summary>Risk eliminated (风险消除); awaiting closure.</summary>
    RiskEliminated = 5,
    Closed = 6,
    /// <summary>Found not to need monitoring at a review, with its reason.</summary>
    Dismissed = 7,
}

/// <summary>Who acts on a case. Cadres act only within their area (the caller checks the area; the case checks the role).</summary>
[GenerateSerializer, Alias("AgriLink.CaseRole")]
public enum CaseRole
{
    /// <summary>The household itself (reports only).</summary>
    Household = 0,
    /// <summary>Village cadres and resident first secretaries (驻村第一书记, 驻村工作队).</summary>
    VillageCadre = 1,
    TownshipOfficer = 2,
    CountyOfficer = 3,
    /// <summary>The platform's own warning job.</summary>
    Platform = 4,
}

[GenerateSerializer, Alias("AgriLink.CaseAction")]
public enum CaseAction
{
    VillageReview = 0,
    TownshipCheck = 1,
    CountyConfirm = 2,
    Dismiss = 3,
    AddMeasure = 4,
    EliminateRisk = 5,
    Close = 6,
}

[GenerateSerializer, Alias("AgriLink.MeasureKind")]
public enum MeasureKind
{
    IndustrySupport = 0,
    Employment = 1,
    /// <summary>Priority for the household's produce in matching and offtake.</summary>
    OfftakePriority = 2,
    PreferredShare = 3,
    MedicalAssistance = 4,
    EducationAssistance = 5,
    SocialAssistance = 6,
    Other = 7,
}

/// <summary>An assistance measure: what, who answers for it, from when to when.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.AssistanceMeasure")]
public sealed record AssistanceMeasure(
    [property: Id(0)] MeasureKind Kind,
    [property: Id(1)] string Description,
    [property: Id(2)] string ResponsibleCadre,
    [property: Id(3)] DateOnly Start,
    [property: Id(4)] DateOnly? End = null)
{
    public void Validate() =>
        new Validator()
            .Check(Enum.IsDefined(Kind), "kind", "is not a known kind of measure.")
            .Text("description", Description, 500)
            .Text("responsibleCadre", ResponsibleCadre, 50)
            .Check(End is null || End >= Start, "end", "must not be before the start.")
            .ThrowIfInvalid();
}

/// <summary>One step of a case: who did what, when and why (the case's own history; the audit log has it too).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CaseStep")]
public sealed record CaseStep(
    [property: Id(0)] string Action,
    [property: Id(1)] CaseRole Role,
    [property: Id(2)] string Actor,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Note,
    [property: Id(5)] CaseStage From,
    [property: Id(6)] CaseStage To);

/// <summary>The time limits of the steps that wait on someone, in days, from configuration (defaults are a starting point).</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CaseTimeLimits")]
public sealed record CaseTimeLimits(
    [property: Id(0)] int VillageReviewDays = 7,
    [property: Id(1)] int TownshipCheckDays = 5,
    [property: Id(2)] int CountyConfirmDays = 5,
    [property: Id(3)] int FirstMeasureDays = 15,
    [property: Id(4)] int ClosureDays = 15,
    [property: Id(5)] int StableMonthsToEliminate = 6)
{
    /// <summary>How long the stage may wait for its next step; null for stages that wait on no deadline.</summary>
    public int? DaysFor(CaseStage stage) => stage switch
    {
        CaseStage.Reported => VillageReviewDays,
        CaseStage.VillageReviewed => TownshipCheckDays,
        CaseStage.TownshipChecked => CountyConfirmDays,
        CaseStage.Confirmed => FirstMeasureDays,
        CaseStage.RiskEliminated => ClosureDays,
        _ => null,
    };
}

/// <summary>
/// One household's case of 防返贫动态监测: found (self-report, a cadre's visit, a department's data or a platform
/// warning) → village review → township check → county confirmation with its category → assistance measures → risk
/// eliminated (income stably above the line for <see cref="CaseTimeLimits.StableMonthsToEliminate"/> months and the
/// cadre's assessment) → closed; or dismissed at any review, with its reason. Each step names who, when and why.
/// Immutable: every action answers the next case or refuses (<c>monitoring.not-allowed</c> for the wrong role,
/// <c>monitoring.illegal-transition</c> for the wrong stage) and changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.MonitoringCase")]
public sealed record MonitoringCase(
    [property: Id(0)] string HouseholdId,
    [property: Id(1)] DiscoveryChannel Channel,
    [property: Id(2)] CaseStage Stage,
    [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] DateTimeOffset StageSince,
    [property: Id(5)] ImmutableList<CaseStep> Steps,
    [property: Id(6)] ImmutableList<AssistanceMeasure> Measures,
    [property: Id(7)] MonitoringCategory? Category = null,
    [property: Id(8)] string? DismissedReason = null)
{
    /// <summary>Who may open a case through which channel: a household only its own report, cadres their visits.</summary>
    public static bool MayOpen(CaseRole role, DiscoveryChannel channel) => (role, channel) switch
    {
        (CaseRole.Household, DiscoveryChannel.SelfReport) => true,
        (CaseRole.VillageCadre, DiscoveryChannel.SelfReport or DiscoveryChannel.CadreVisit) => true,
        (CaseRole.TownshipOfficer, DiscoveryChannel.CadreVisit) => true,
        (CaseRole.CountyOfficer, DiscoveryChannel.DepartmentData or DiscoveryChannel.CadreVisit) => true,
        (CaseRole.Platform, DiscoveryChannel.PlatformWarning) => true,
        _ => false,
    };

    public static MonitoringCase Open(string householdId, DiscoveryChannel channel, CaseRole role, string actor, DateTimeOffset at, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(householdId);
        new Validator().Check(Enum.IsDefined(channel), "discoveryChannel", "is not a known discovery channel.").Text("note", note, 1000).ThrowIfInvalid();
        if (!MayOpen(role, channel))
            throw new RuleViolationException("monitoring.not-allowed", $"A {role} cannot open a case by {channel}.");
        return new(householdId, channel, CaseStage.Reported, at, at,
            [new CaseStep("open", role, actor, at, note.Trim(), CaseStage.Reported, CaseStage.Reported)], []);
    }

    /// <summary>The role each action needs, and the stages it may be taken from (the whole state machine, as data).</summary>
    public static bool Allows(CaseAction action, CaseRole role, CaseStage stage) => (action, role, stage) switch
    {
        (CaseAction.VillageReview, CaseRole.VillageCadre, CaseStage.Reported) => true,
        (CaseAction.TownshipCheck, CaseRole.TownshipOfficer, CaseStage.VillageReviewed) => true,
        (CaseAction.CountyConfirm, CaseRole.CountyOfficer, CaseStage.TownshipChecked) => true,
        (CaseAction.Dismiss, CaseRole.VillageCadre, CaseStage.Reported) => true,
        (CaseAction.Dismiss, CaseRole.TownshipOfficer, CaseStage.VillageReviewed) => true,
        (CaseAction.Dismiss, CaseRole.CountyOfficer, CaseStage.TownshipChecked) => true,
        (CaseAction.AddMeasure, CaseRole.VillageCadre or CaseRole.TownshipOfficer or CaseRole.CountyOfficer, CaseStage.Confirmed or CaseStage.Assisting) => true,
        (CaseAction.EliminateRisk, CaseRole.CountyOfficer, CaseStage.Assisting) => true,
        (CaseAction.Close, CaseRole.CountyOfficer, CaseStage.RiskEliminated) => true,
        _ => false,
    };

    /// <summary>The roles that ever take an action (a role outside these is refused as not allowed, whatever the stage).</summary>
    private static bool RoleTakes(CaseAction action, CaseRole role) => Enum.GetValues<CaseStage>().Any(s => Allows(action, role, s));

    /// <summary>The village's review (评议): date held, who took part, and its result.</summary>
    public MonitoringCase VillageReview(string actor, DateTimeOffset at, string participantsAndResult) =>
        Step(CaseAction.VillageReview, CaseRole.VillageCadre, actor, at, participantsAndResult, CaseStage.VillageReviewed);

    public MonitoringCase TownshipCheck(string actor, DateTimeOffset at, string note) =>
        Step(CaseAction.TownshipCheck, CaseRole.TownshipOfficer, actor, at, note, CaseStage.TownshipChecked);

    public MonitoringCase CountyConfirm(string actor, DateTimeOffset at, MonitoringCategory category, string note)
    {
        Require(CaseAction.CountyConfirm, CaseRole.CountyOfficer);
        new Validator().Check(Enum.IsDefined(category), "category", "is not a known monitoring category.").ThrowIfInvalid();
        return Step(CaseAction.CountyConfirm, CaseRole.CountyOfficer, actor, at, note, CaseStage.Confirmed) with { Category = category };
    }

    /// <summary>Dismissed at a review by whoever holds it, with the reason.</summary>
    public MonitoringCase Dismiss(CaseRole role, string actor, DateTimeOffset at, string reason) =>
        Step(CaseAction.Dismiss, role, actor, at, reason, CaseStage.Dismissed) with { DismissedReason = reason.Trim() };

    public MonitoringCase AddMeasure(CaseRole role, string actor, DateTimeOffset at, AssistanceMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        Require(CaseAction.AddMeasure, role);
        measure.Validate();
        return Step(CaseAction.AddMeasure, role, actor, at, $"{measure.Kind}: {measure.Description.Trim()}", CaseStage.Assisting)
            with { Measures = Measures.Add(measure with { Description = measure.Description.Trim(), ResponsibleCadre = measure.ResponsibleCadre.Trim() }) };
    }

    /// <summary>
    /// Risk eliminated: the household's income has stayed above the line for at least the required months (counted by
    /// the caller from its monthly figures) and the cadre's assessment says so.
    /// </summary>
    public MonitoringCase EliminateRisk(string actor, DateTimeOffset at, int monthsAboveLine, CaseTimeLimits limits, string assessment)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Require(CaseAction.EliminateRisk, CaseRole.CountyOfficer);
        if (monthsAboveLine < limits.StableMonthsToEliminate)
            throw new RuleViolationException("monitoring.not-stable",
                $"Income has been above the line for {monthsAboveLine} months; {limits.StableMonthsToEliminate} are required before the risk is eliminated.", unprocessable: true);
        return Step(CaseAction.EliminateRisk, CaseRole.CountyOfficer, actor, at, assessment, CaseStage.RiskEliminated);
    }

    public MonitoringCase Close(string actor, DateTimeOffset at, string note) =>
        Step(CaseAction.Close, CaseRole.CountyOfficer, actor, at, note, CaseStage.Closed);

    /// <summary>The date by which the current stage's next step is due, or null when the stage waits on no deadline.</summary>
    public DateTimeOffset? DueBy(CaseTimeLimits limits) => limits.DaysFor(Stage) is { } days ? StageSince.AddDays(days) : null;

    public bool IsOverdue(CaseTimeLimits limits, DateTimeOffset now) => DueBy(limits) is { } due && now > due;

    public bool IsOpen => Stage is not (CaseStage.Closed or CaseStage.Dismissed);

    private void Require(CaseAction action, CaseRole role)
    {
        if (!RoleTakes(action, role))
            throw new RuleViolationException("monitoring.not-allowed", $"A {role} cannot take the action {action}.");
        if (!Allows(action, role, Stage))
            throw new RuleViolationException("monitoring.illegal-transition", $"A case at {Stage} cannot take the action {action} by a {role}.");
    }

    private MonitoringCase Step(CaseAction action, CaseRole role, string actor, DateTimeOffset at, string note, CaseStage to)
    {
        Require(action, role);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        new Validator().Text(action == CaseAction.Dismiss ? "reason" : "note", note, 1000).ThrowIfInvalid();
        var step = new CaseStep(StepName(action), role, actor, at, note.Trim(), Stage, to);
        return this with { Stage = to, StageSince = at, Steps = Steps.Add(step) };
    }

    /// <summary>The step's name in the timeline and in its audit action (<c>monitoring-case.{name}</c>).</summary>
    public static string StepName(CaseAction action) => action switch
    {
        CaseAction.VillageReview => "village-review",
        CaseAction.TownshipCheck => "township-check",
        CaseAction.CountyConfirm => "county-confirm",
        CaseAction.Dismiss => "dismiss",
        CaseAction.AddMeasure => "add-measure",
        CaseAction.EliminateRisk => "eliminate-risk",
        _ => "close",
    };
}
