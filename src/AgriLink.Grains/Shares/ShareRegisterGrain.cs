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

namespace AgriLink.Grains.Shares;

public sealed class ShareRegisterGrain(
    [PersistentState("share-register", GrainStorage.Main)] IPersistentState<ShareRegisterState> state,
    [PersistentState("declared-years", GrainStorage.Main)] IPersistentState<DeclaredYearsState> declared,
    TimeProvider clock) : Grain, IShareRegisterGrain
{
    /// <summary>The register's changes are audited as its cooperative's.</summary>
    private const string AuditResource = "cooperative";

    private ShareRegister _register = null!;

    private string CooperativeId => this.GetPrimaryKeyString();
    private int YearEndMonth => state.State.Charter?.FiscalYearEndMonth ?? 12;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _register = ShareRegister.Replay(CooperativeId, YearEndMonth, state.State.Events);
        return Task.CompletedTask;
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
        if (state.State.Events.Count > 0 && charter.FiscalYearEndMonth != YearEndMonth)
            throw new RuleViolationException("charter.fiscal-year-fixed",
                "The fiscal year end cannot change once shares are registered: the register's year ends depend on it.");
        await state.CommitAsync(state.State with { Charter = charter, CharterResolution = resolution, CharterSince = since },
            // An amendment's entry names the resolution that adopted it, beside the charter before and after.
            resolution is null
                ? AuditEntries.Changes(AuditResource, CooperativeId, state.State.Charter, charter)
                : AuditEntries.Changes(AuditResource, CooperativeId, new { charter = state.State.Charter, resolution = state.State.CharterResolution },
                    new { charter, resolution }));
        if (state.State.Events.Count == 0) _register = ShareRegister.Empty(CooperativeId, charter.FiscalYearEndMonth);
        return charter;
    }

    public Task<RegisterView> View(DateOnly? asOf) => Task.FromResult(ViewOf(_register, asOf ?? clock.Today()));

    public Task<IReadOnlyList<Holding>> HoldingsOf(string shareholderId) =>
        Task.FromResult<IReadOnlyList<Holding>>(_register.PositionsAt(clock.Today()).Where(h => h.ShareholderId == shareholderId).ToList());

    public Task<IReadOnlyList<ShareEvent>> History(long afterSequence, int limit) =>
        Task.FromResult<IReadOnlyList<ShareEvent>>(_register.EventsAfter(afterSequence).Take(limit).ToList());

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

    public Task<IReadOnlyList<HoldingPosition>> PositionsAtYearEnd(int fiscalYear) =>
        Task.FromResult(HoldingPosition.AtYearEnd(_register, fiscalYear));

    public async Task<CompositionReport> Composition() => MembershipComposition.Check(await Members());

    public async Task RecordDeclaration(int fiscalYear)
    {
        if (declared.State.Years.Contains(fiscalYear)) return;
        await declared.CommitAsync(declared.State with { Years = [.. declared.State.Years, fiscalYear] });
    }

    public Task<IReadOnlyList<int>> DeclaredYears() => Task.FromResult(declared.State.Years);

    private ShareRegister Due() => _register.ApplyDueWithdrawals(clock.Today());

    /// <summary>Stores the register; a declared audit entry carries <paramref name="audited"/>, else the events this change adds.</summary>
    private async Task<RegisterView> Save(ShareRegister next, object? audited = null)
    {
        audited ??= next.Events.Skip(state.State.Events.Count).ToArray();
        await state.CommitAsync(state.State with { Events = next.Events.ToArray() }, AuditEntries.Changes(AuditResource, CooperativeId, null, audited));
        _register = next;
        return ViewOf(next, clock.Today());
    }

    private RegisterView ViewOf(ShareRegister register, DateOnly asOf) =>
        new(CooperativeId, asOf, register.PositionsAt(asOf), register.PendingWithdrawals,
            register.Events.Count == 0 ? 0 : register.Events[^1].Sequence);

    private async Task<IReadOnlyList<string>> RegisteredPoorShareholders(string except)
    {
        var households = _register.PositionsAt(clock.Today())
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

    private async Task<IReadOnlyList<CooperativeMember>> Members() =>
        (await GrainFactory.GetGrain<ICooperativeGrain>(CooperativeId).Get()).Members;
}
