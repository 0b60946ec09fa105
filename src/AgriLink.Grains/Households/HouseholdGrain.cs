using AgriLink.Domain.Households;
using AgriLink.Grains.Common;

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
        new(Id, Guard.Existing(s.Profile, Resource, Id), CurrentStatus(s), s.History, s.RegisteredAt, s.UpdatedAt);
}
