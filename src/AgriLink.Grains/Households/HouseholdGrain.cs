using AgriLink.Domain.Households;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Errors;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;

namespace AgriLink.Grains.Households;

public sealed class HouseholdGrain(
    [PersistentState("household", GrainStorage.Main)] IPersistentState<HouseholdState> state,
    TimeProvider clock) : Grain, IHouseholdGrain
{
    private const string Resource = "household";
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
        return await Save(state.State with { History = [.. state.State.History, change], UpdatedAt = clock.Now() });
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
        new(Id, Guard.Existing(s.Profile, Resource, Id), CurrentStatus(s), s.History, s.RegisteredAt, s.UpdatedAt, s.Invitations);
}
