using AgriLink.Domain.Assemblies;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Dividends;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Households;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Assemblies;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Households;
using AgriLink.Storage.Changes;

namespace AgriLink.Grains.Shares;

/// <summary>
/// A cooperative's share register. The state keeps what the register decides with (<see cref="ShareRegisterSnapshot"/>);
/// each entry it makes is a row of <c>share_events</c> appended in the same write, so a write costs by its entries, not
/// by the history. The history and the positions at a past date are read from those rows.
/// </summary>
public sealed class ShareRegisterGrain(
    [PersistentState("share-register", GrainStorage.Main)] IPersistentState<ShareRegisterState> state,
    [PersistentState("declared-years", GrainStorage.Main)] IPersistentState<DeclaredYearsState> declared,
    Projections.ShareHistory history,
    TimeProvider clock) : Grain, IShareRegisterGrain
{
    /// <summary>The register's changes are audited as its cooperative's.</summary>
    private const string AuditResource = "cooperative";

    private ShareRegister _register = null!;

    private string CooperativeId => this.GetPrimaryKeyString();
    private int YearEndMonth => state.State.Charter?.FiscalYearEndMonth ?? 12;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        if (state.State.Events.Count > 0)
        {
            // A state from before the rows held its history: move the entries into rows, once, with the snapshot, in one write.
            var replayed = ShareRegister.Replay(CooperativeId, YearEndMonth, state.State.Events);
            var rows = new StateChanges();
            foreach (var e in state.State.Events) rows.Add(Projections.ShareHistory.Row(CooperativeId, e));
            await state.CommitAsync(state.State with { Events = [], Snapshot = replayed.Snapshot }, rows);
        }

        _register = state.State.Snapshot is { } snapshot
            ? ShareRegister.Restore(CooperativeId, YearEndMonth, snapshot)
            : ShareRegister.Empty(CooperativeId, YearEndMonth);
    }

    public Task<Charter?> GetCharter() => Task.FromResult(state.State.Charter);

    public async Task<Charter> SetCharter(Charter charter)
    {
        await EnsureCooperative();
        charter.Validate();
        if (state.State.Charter is not null) throw CharterAmendment.NoResolution();
        return await RecordCharter(charter, null, clock.Now());
    }

    public async Task<Charter> AmendCharter(Charter charter, string resolution)
    {
        await EnsureCooperative();
        charter.Validate();
        var (assemblyId, resolutionId) = CharterAmendment.Parse(resolution);
        if (state.State.Charter is null) return await RecordCharter(charter, null, clock.Now());
        var assembly = await GrainFactory.GetGrain<IAssemblyGrain>(new AssemblyKey(CooperativeId, assemblyId).ToString()).Find();
        CharterAmendment.EnsureAuthorises(resolution, assembly?.Resolutions.FirstOrDefault(r => r.ResolutionId == resolutionId), assembly?.ClosedAt,
            state.State.CharterSince);
        return await RecordCharter(charter, resolution, assembly!.ClosedAt!.Value);
    }

    private async Task<Charter> RecordCharter(Charter charter, string? resolution, DateTimeOffset since)
    {
        if (_register.LastSequence > 0 && charter.FiscalYearEndMonth != YearEndMonth)
            throw new RuleViolationException("charter.fiscal-year-fixed",
                "The fiscal year end cannot change once shares are registered: the register's year ends depend on it.");
        await state.CommitAsync(state.State with { Charter = charter, CharterResolution = resolution, CharterSince = since },
            // An amendment's entry names the resolution that adopted it, beside the charter before and after.
            resolution is null
                ? AuditEntries.Changes(AuditResource, CooperativeId, state.State.Charter, charter)
                : AuditEntries.Changes(AuditResource, CooperativeId, new { charter = state.State.Charter, resolution = state.State.CharterResolution },
                    new { charter, resolution }));
        if (_register.LastSequence == 0) _register = ShareRegister.Empty(CooperativeId, charter.FiscalYearEndMonth);
        return charter;
    }

    public async Task<RegisterView> View(DateOnly? asOf)
    {
        var date = asOf ?? clock.Today();
        return new(CooperativeId, date, await PositionsAt(date), _register.PendingWithdrawals, _register.LastSequence);
    }

    public async Task<IReadOnlyList<Holding>> HoldingsOf(string shareholderId) =>
        (await PositionsAt(clock.Today())).Where(h => h.ShareholderId == shareholderId).ToList();

    public Task<IReadOnlyList<ShareEvent>> History(long afterSequence, int limit) => history.After(CooperativeId, afterSequence, limit);

    public Task<RegisterView> Issue(Holding holding, string actor, string reason) => IssueMany([holding], actor, reason);

    public async Task<RegisterView> IssueMany(IReadOnlyList<Holding> holdings, string actor, string reason)
    {
        await EnsureCooperative();
        var members = (await Members()).ToDictionary(m => m.MemberId, StringComparer.Ordinal);
        var today = clock.Today();
        // A holding dated into a declared year would change a distribution already computed (or paid).
        DateOnly? closedUntil = declared.State.Years.Count == 0 ? null : FiscalCalendar.YearEnd(declared.State.Years.Max(), YearEndMonth);
        var register = Due();
        // The register is kept in date order; an import need not be.
        foreach (var holding in holdings) (holding ?? throw ValidationFailedException.For("holding", "is required.")).Validate();
        foreach (var holding in holdings.OrderBy(h => h.IssuedOn))
        {
            if (!members.TryGetValue(holding.ShareholderId, out var member))
                throw ValidationFailedException.For("shareholderId", $"'{holding.ShareholderId}' is not a member of the cooperative; admit the member first.");
            if (KindOf(member) != holding.ShareholderKind)
                throw ValidationFailedException.For("shareholderKind", $"'{holding.ShareholderId}' is a '{member.Kind}' member, not '{holding.ShareholderKind}'.");
            if (holding.IssuedOn > today)
                throw ValidationFailedException.For("issuedOn", "must not be in the future.");
            if (holding.IssuedOn <= closedUntil)
                throw new RuleViolationException("shares.year-declared",
                    $"Shares cannot be dated on or before {closedUntil:yyyy-MM-dd}: that year's distribution is already declared.");
            register = register.Issue(holding, actor, reason);
        }
        return await Save(register);
    }

    public async Task<RegisterView> Transfer(ShareTransfer transfer, string actor, string reason)
    {
        transfer.Validate();
        var members = await Members();
        var holding = _register.GetHolding(transfer.HoldingId);
        if (members.All(m => m.MemberId != transfer.ToShareholderId))
            throw ValidationFailedException.For("toShareholderId", "Shares can only be transferred to a member of the cooperative.");
        var officer = members.Any(m => m.MemberId == holding.ShareholderId && m.IsOfficer);
        // The receiver's kind is what the membership roll says, not what the caller claims.
        var receiver = members.First(m => m.MemberId == transfer.ToShareholderId);
        return await Save(Due().Transfer(transfer with { ToShareholderKind = KindOf(receiver) }, officer, clock.Today(), actor, reason));
    }

    public Task<RegisterView> NoticeWithdrawal(string shareholderId, string actor, string reason) =>
        Save(Due().NoticeWithdrawal(shareholderId, clock.Today(), actor, reason));

    public async Task<PreferredExitReport> HouseholdExited(string householdId, string actor)
    {
        var policy = state.State.Charter?.PreferredExitPolicy ?? PreferredExitPolicy.ConvertToOrdinary;
        var household = await GrainFactory.GetGrain<IHouseholdGrain>(householdId).Get();
        var poor = await RegisteredPoorShareholders(householdId);
        var result = PreferredShareExit.Apply(Due(), householdId, household.Status, policy, poor, clock.Today(), actor);
        var report = new PreferredExitReport(CooperativeId, result.Events, result.AuditLines);
        // The report (its lines are the notice's) is the audit entry's detail, written with the shares it moves.
        if (result.Events.Count > 0) await Save(result.Register, report);
        return report;
    }

    public async Task<IReadOnlyList<HoldingPosition>> PositionsAtYearEnd(int fiscalYear) =>
        HoldingPosition.AtYearEnd(await RegisterAt(FiscalCalendar.YearEnd(fiscalYear, YearEndMonth)), fiscalYear);

    public async Task<CompositionReport> Composition() => MembershipComposition.Check(await Members());

    public async Task RecordDeclaration(int fiscalYear)
    {
        if (declared.State.Years.Contains(fiscalYear)) return;
        await declared.CommitAsync(declared.State with { Years = [.. declared.State.Years, fiscalYear] });
    }

    public Task<IReadOnlyList<int>> DeclaredYears() => Task.FromResult(declared.State.Years);

    private ShareRegister Due() => _register.ApplyDueWithdrawals(clock.Today());

    /// <summary>
    /// Stores the register: its snapshot, and a row per entry this change adds; a declared audit entry carries
    /// <paramref name="audited"/>, else those entries.
    /// </summary>
    private async Task<RegisterView> Save(ShareRegister next, object? audited = null)
    {
        var added = next.EventsAfter(_register.LastSequence);
        var changes = AuditEntries.Changes(AuditResource, CooperativeId, null, audited ?? added.ToArray()) ?? new StateChanges();
        foreach (var e in added) changes.Add(Projections.ShareHistory.Row(CooperativeId, e));
        await state.CommitAsync(state.State with { Snapshot = next.Snapshot }, changes);
        _register = next.Compact();
        var today = clock.Today();
        return new(CooperativeId, today, await PositionsAt(today), _register.PendingWithdrawals, _register.LastSequence);
    }

    /// <summary>The holdings at the end of <paramref name="date"/>: from memory from the last entry's date on, else replayed from the rows.</summary>
    private async Task<IReadOnlyList<Holding>> PositionsAt(DateOnly date) => (await RegisterAt(date)).PositionsAt(date);

    /// <summary>The register, or for a date before its last entry the register replayed from its stored entries up to that date.</summary>
    private async Task<ShareRegister> RegisterAt(DateOnly date) =>
        _register.Knows(date) ? _register : ShareRegister.Replay(CooperativeId, YearEndMonth, await history.UpTo(CooperativeId, date));

    private async Task<IReadOnlyList<string>> RegisteredPoorShareholders(string except)
    {
        var households = (await PositionsAt(clock.Today()))
            .Where(h => h.ShareholderKind == ShareholderKind.Household && h.ShareholderId != except)
            .Select(h => h.ShareholderId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var statuses = await Task.WhenAll(households.Select(id => GrainFactory.GetGrain<IHouseholdGrain>(id).Get()));
        return statuses.Where(h => h.Status == PovertyStatus.RegisteredPoor).Select(h => h.Id).ToList();
    }

    private static ShareholderKind KindOf(CooperativeMember member) => member.Kind switch
    {
        MemberKind.Household => ShareholderKind.Household,
        MemberKind.VillageCollective => ShareholderKind.VillageCollective,
        MemberKind.Enterprise => ShareholderKind.Enterprise,
        _ => ShareholderKind.OtherMember,
    };

    private async Task EnsureCooperative()
    {
        if (!await GrainFactory.GetGrain<ICooperativeGrain>(CooperativeId).Exists())
            throw new NotFoundException("cooperative", CooperativeId);
    }

    private Task<IReadOnlyList<CooperativeMember>> Members() => GrainFactory.GetGrain<ICooperativeGrain>(CooperativeId).Roll();
}
