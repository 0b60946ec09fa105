using AgriLink.Domain.Households;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Grains.Audit;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Projections;
using AgriLink.Grains.Shares;
using Microsoft.Extensions.DependencyInjection;

namespace AgriLink.Grains.Households;

public sealed class HouseholdGrain(
    [PersistentState("household", GrainStorage.Main)] IPersistentState<HouseholdState> state,
    TimeProvider clock) : Grain, IHouseholdGrain, IRemindable
{
    private const string Resource = "household";
    private const string ReleaseReminder = "preferred-release";
    /// <summary>How soon the reminder first looks, and how often it retries: a request that runs the job itself is done by then.</summary>
    private TimeSpan ReleaseRetry => Releaser.RetryEvery;

    private PreferredShareRelease Releaser => ServiceProvider.GetService<PreferredShareRelease>() ?? PreferredShareRelease.Default;
    private string Id => this.GetPrimaryKeyString();

    public Task<bool> Exists() => Task.FromResult(state.State.Profile is not null);

    public Task<HouseholdDetails> Get() => Task.FromResult(Details(state.State));

    public async Task<HouseholdDetails> Register(HouseholdProfile profile, PovertyStatusChange? initialStatus)
    {
        Guard.NotYetRegistered(state.State.Profile is not null, Resource, Id);
        profile.Validate();
        List<PovertyStatusChange> history = [];
        if (initialStatus is not null && initialStatus.Status != PovertyStatus.NotPoor)
        {
            PovertyStatusRules.EnsureCanChange(history, initialStatus, clock.Today());
            history.Add(initialStatus);
        }
        var now = clock.Now();
        return await Save(new HouseholdState { Profile = profile.Normalized(), History = history, RegisteredAt = now, UpdatedAt = now });
    }

    public async Task<HouseholdDetails> UpdateProfile(HouseholdProfile profile)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        profile.Validate();
        return await Save(state.State with { Profile = profile.Normalized(), UpdatedAt = clock.Now() });
    }

    public async Task<HouseholdDetails> ChangePovertyStatus(PovertyStatusChange change)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        PovertyStatusRules.EnsureCanChange(state.State.History, change, clock.Today());
        var exiting = change.Status == PovertyStatus.Exited && CurrentStatus(state.State) != PovertyStatus.Exited;
        // The reminder before the write: a crash after the write still finds it, and one without a job ends itself.
        if (exiting) await this.RegisterOrUpdateReminder(ReleaseReminder, ReleaseRetry, ReleaseRetry);
        return await Save(state.State with
        {
            History = [.. state.State.History, change],
            UpdatedAt = clock.Now(),
            PendingRelease = exiting ? state.State.PendingRelease ?? NewRelease(change.RecordedBy) : state.State.PendingRelease,
        });
    }

    public async Task<HouseholdDetails> RunPreferredRelease(string requestedBy)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        if (state.State.PendingRelease is null)
        {
            if (CurrentStatus(state.State) != PovertyStatus.Exited)
                throw new RuleViolationException("household.not-exited", "Only an exited household's preferred shares are released.");
            await this.RegisterOrUpdateReminder(ReleaseReminder, ReleaseRetry, ReleaseRetry);
            await state.CommitAsync(state.State with { PendingRelease = NewRelease(requestedBy) });
        }
        await Release();
        return Details(state.State);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReleaseReminder) return;
        if (state.State.PendingRelease is not null) await Release();
        if (state.State.PendingRelease is null && await this.GetReminder(ReleaseReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    private PreferredRelease NewRelease(string requestedBy) =>
        new(clock.Now(), requestedBy, AuditIntent.For(Resource, Id)?.Actor ?? requestedBy);

    /// <summary>
    /// The job: each cooperative whose register still holds a preferred share of the household converts or reassigns it,
    /// and its report goes into the audit log (for the public notice) with the register's write of those shares. A register
    /// releases at most once, so a retry after a partial run picks up where it stopped. Done, the job is cleared; failed,
    /// it stays with its error and the reminder tries again.
    /// </summary>
    private async Task Release()
    {
        if (state.State.PendingRelease is not { } job) return;
        try
        {
            var lists = ServiceProvider.GetService<DirectoryQueries>()
                        ?? throw new InvalidOperationException("The directory lists are not registered in this silo.");
            var release = Releaser;
            foreach (var coop in await lists.CooperativesOfMember(Id))
            {
                if (!(await GrainFactory.GetGrain<IShareRegisterGrain>(coop.Id).HoldingsOf(Id)).Any(h => h.Preferred)) continue;
                // The register writes the entry (its report) in the transaction of the shares it moves.
                using (AuditIntent.Within(job.AuditActor, "shares.preferred-exit", "cooperative", coop.Id))
                    await release.Release(GrainFactory, coop.Id, Id, job.RequestedBy);
            }
            await state.CommitAsync(state.State with { PendingRelease = null });
        }
        catch (Exception e) when (e is not Orleans.Storage.InconsistentStateException)
        {
            await state.CommitAsync(state.State with { PendingRelease = job with { Attempts = job.Attempts + 1, LastError = e.Message } });
        }
    }

    public async Task<bool> Invite(MembershipInvitation invitation, string cooperativeCounty)
    {
        // County rule: a household joins a cooperative of its own county (the county's office answers for both).
        if (state.State.Profile is not { } profile || profile.CountyCode != cooperativeCounty) return false;
        await Save(state.State with
        {
            Invitations = [.. state.State.Invitations.Where(i => i.CooperativeId != invitation.CooperativeId), invitation],
        });
        return true;
    }

    public async Task<HouseholdDetails> AcceptInvitation(string cooperativeId)
    {
        var profile = Guard.Existing(state.State.Profile, Resource, Id);
        var invitation = Pending(cooperativeId);
        // The cooperative first: a crash before the invitation is dropped leaves it pending, and accepting again is harmless.
        await GrainFactory.GetGrain<ICooperativeGrain>(cooperativeId).AdmitAccepted(new CooperativeMember(
            Id, MemberKind.Household, string.IsNullOrWhiteSpace(invitation.DisplayName) ? profile.HeadName : invitation.DisplayName,
            invitation.IsFarmer, clock.Today(), invitation.IsOfficer));
        return await Save(state.State with { Invitations = state.State.Invitations.Where(i => i != invitation).ToList() });
    }

    public async Task<HouseholdDetails> DeclineInvitation(string cooperativeId)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        var invitation = Pending(cooperativeId);
        return await Save(state.State with { Invitations = state.State.Invitations.Where(i => i != invitation).ToList() });
    }

    private MembershipInvitation Pending(string cooperativeId) =>
        state.State.Invitations.FirstOrDefault(i => i.CooperativeId == cooperativeId)
        ?? throw new NotFoundException("invitation", cooperativeId);

    /// <summary>Stores the change with its audit entry (the household before and after), when the caller declared one.</summary>
    private async Task<HouseholdDetails> Save(HouseholdState next)
    {
        var before = state.State.Profile is null ? null : Details(state.State);
        var after = Details(next);
        await state.CommitAsync(next, AuditEntries.Changes(Resource, Id, before, after));
        return after;
    }

    internal static PovertyStatus CurrentStatus(HouseholdState s) =>
        s.History.Count == 0 ? PovertyStatus.NotPoor : s.History[^1].Status;

    private HouseholdDetails Details(HouseholdState s) =>
        new(Id, Guard.Existing(s.Profile, Resource, Id), CurrentStatus(s), s.History, s.RegisteredAt, s.UpdatedAt, s.Invitations, s.PendingRelease);
}
