using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Dividends;
using AgriLink.Grains.Shares;
using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Assemblies;

public sealed class AssemblyGrain(
    [PersistentState("assembly", GrainStorage.Main)] IPersistentState<AssemblyState> state,
    AssemblyRows rows,
    TimeProvider clock) : Grain, IAssemblyGrain
{
    /// <summary>The audited resource type (its id is the <see cref="AssemblyKey"/>).</summary>
    private const string AuditResource = "assembly";

    private AssemblyKey Key => AssemblyKey.Parse(this.GetPrimaryKeyString());

    /// <summary>
    /// A state from before schema 14 has its voters and ballots moved into rows, once, in one write. A crash between the
    /// close and recording a passed plan on its declaration is finished here.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Assembly is { } legacy && (legacy.Voters.Count > 0 || state.State.LegacyBallots.Count > 0))
        {
            var changes = new StateChanges();
            foreach (var voter in legacy.Voters) changes.Add(AssemblyRows.Voter(Key, voter));
            foreach (var ballot in state.State.LegacyBallots.Values) changes.Add(AssemblyRows.Row(Key, ballot));
            await state.CommitAsync(state.State with
            {
                Assembly = legacy with { Voters = [] }, LegacyBallots = new Dictionary<string, Ballot>(StringComparer.Ordinal),
                Turnout = state.State.Turnout + state.State.LegacyBallots.Count,
            }, changes);
        }
        if (state.State.Assembly is { Status: AssemblyStatus.Closed }) await RecordPassedPlans();
    }

    public async Task<Assembly> Call(CallAssembly request, string actor)
    {
        if (state.State.Assembly is not null)
            throw new RuleViolationException("assembly.exists", $"Assembly {Key.AssemblyId} is already called.");
        ArgumentNullException.ThrowIfNull(request);
        var coop = await GrainFactory.GetGrain<ICooperativeGrain>(Key.CooperativeId).Get();
        var register = GrainFactory.GetGrain<IShareRegisterGrain>(Key.CooperativeId);
        var charter = await register.GetCharter();
        var members = coop.Members.Select(m => m.MemberId).ToList();
        if (members.Count == 0)
            throw new RuleViolationException("assembly.no-members", "本社没有在册成员，不能召开成员大会。");
        VoteRoll roll;
        if (request.Representative)
            roll = VotingRules.Representatives(members.Count, charter?.RepresentativeGroupSize ?? 0);
        else
        {
            var holdings = charter is { SharesPerAdditionalVote: > 0 }
                ? (await register.View(null)).Holdings.Select(h => (h.ShareholderId, h.Shares))
                : [];
            roll = VotingRules.Roll(members, VotingRules.RequestsByShares(holdings, charter?.SharesPerAdditionalVote ?? 0));
        }
        var voters = coop.Members.Where(m => m.Kind == MemberKind.Household).Select(m => m.MemberId).Order(StringComparer.Ordinal).ToList();
        var assembly = AssemblyWorkflow.Call(Key.ToString(), request.Title ?? "", request.Mode, roll, voters, request.Resolutions ?? [],
            actor, clock.Now(), request.ClosesAt);
        // The entry names the voters; the state keeps the meeting without them (a row each).
        var changes = AuditEntries.Changes(AuditResource, Key.ToString(), null, assembly) ?? new StateChanges();
        foreach (var voter in voters) changes.Add(AssemblyRows.Voter(Key, voter));
        var stored = assembly with { Voters = [] };
        await state.CommitAsync(new AssemblyState
        {
            Assembly = stored, OrdinaryMajorityBp = charter?.OrdinaryMajorityBp ?? 0, SpecialMajorityBp = charter?.SpecialMajorityBp ?? 0,
        }, changes);
        return stored;
    }

    public Task<Assembly> Get() => Task.FromResult(Existing());

    public Task<Assembly?> Find() => Task.FromResult(state.State.Assembly);

    public Task<Ballot?> BallotOf(string memberId) => rows.BallotOf(Key, memberId);

    public Task<IReadOnlyList<Ballot>> Ballots() => rows.Ballots(Key);

    public Task<int> Turnout() => Task.FromResult(state.State.Turnout);

    public Task<Assembly> AddSheetPhoto(Domain.Photos.Photo photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (!Domain.Photos.Photo.IsWellFormedId(photo.Id) || photo.Width <= 0 || photo.Height <= 0)
            throw ValidationFailedException.For("photo", "is not a stored photo.");
        return Change(a => AssemblyWorkflow.AddSheetPhoto(a, photo));
    }

    public Task<Assembly> RemoveSheetPhoto(string photoId) => Change(a => AssemblyWorkflow.RemoveSheetPhoto(a, photoId));

    private async Task<Assembly> Change(Func<Assembly, Assembly> change)
    {
        var before = Existing();
        var after = change(before);
        if (ReferenceEquals(after, before)) return before;
        await state.CommitAsync(state.State with { Assembly = after }, AuditEntries.Changes(AuditResource, Key.ToString(), before, after));
        return after;
    }

    public async Task<Ballot> Cast(string memberId, IReadOnlyDictionary<string, VoteChoice> choices)
    {
        var assembly = Existing();
        var (isVoter, earlier) = await rows.VoterOf(Key, memberId);
        var ballot = AssemblyWorkflow.Cast(assembly, earlier, memberId, choices, clock.Now(), isVoter);
        // The entry (for auditors only) names the member's choices; members see only their own ballot and the totals.
        var changes = (AuditEntries.Changes(AuditResource, Key.ToString(), earlier, ballot) ?? new StateChanges()).Add(AssemblyRows.Row(Key, ballot));
        await state.CommitAsync(state.State with { Turnout = state.State.Turnout + (earlier is null ? 1 : 0) }, changes);
        return ballot;
    }

    /// <summary>Counts the ballots, read once from their rows.</summary>
    public async Task<Assembly> Close(string actor)
    {
        Existing();
        var ballots = await rows.Ballots(Key);
        return await Decide(s => AssemblyWorkflow.Close(s.Assembly!, ballots, actor, clock.Now(), s.OrdinaryMajorityBp, s.SpecialMajorityBp));
    }

    public Task<Assembly> RecordHeld(HeldMeeting meeting, string actor)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return Decide(s => AssemblyWorkflow.RecordHeld(s.Assembly!, meeting.Present, meeting.Counts ?? new Dictionary<string, ResolutionCount>(),
            meeting.Minutes ?? "", actor, clock.Now(), s.OrdinaryMajorityBp, s.SpecialMajorityBp));
    }

    /// <summary>
    /// Counts and closes. A passed plan resolution is recorded on its declaration after the commit; before it, each plan
    /// must be ready for the assembly (notice over, objections settled), so a count is never kept that its plan refuses.
    /// </summary>
    private async Task<Assembly> Decide(Func<AssemblyState, Assembly> decide)
    {
        var before = Existing();
        var closed = decide(state.State);
        foreach (var plan in closed.Resolutions.Where(r => r is { Passed: true, Subject: ResolutionSubject.DistributionPlan }))
            await Declaration(plan).EnsureReadyForAssembly();
        await state.CommitAsync(state.State with { Assembly = closed }, AuditEntries.Changes(AuditResource, Key.ToString(), before, closed));
        await RecordPassedPlans();
        return closed;
    }

    private async Task RecordPassedPlans()
    {
        var pending = Existing().Resolutions
            .Where(r => r is { Passed: true, Subject: ResolutionSubject.DistributionPlan } && !state.State.Recorded.Contains(r.ResolutionId))
            .ToList();
        if (pending.Count == 0) return;
        foreach (var plan in pending)
            await Declaration(plan).RecordResolution($"{Key}/{plan.ResolutionId}");
        await state.CommitAsync(state.State with { Recorded = [.. state.State.Recorded, .. pending.Select(p => p.ResolutionId)] });
    }

    private IDividendDeclarationGrain Declaration(Resolution plan) =>
        GrainFactory.GetGrain<IDividendDeclarationGrain>(new CooperativeYear(Key.CooperativeId, plan.FiscalYear!.Value).ToString());

    private Assembly Existing() => state.State.Assembly ?? throw new NotFoundException("assembly", Key.ToString());
}
