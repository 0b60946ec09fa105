using AgriLink.Domain.Errors;

namespace AgriLink.Grains.Common;

/// <summary>
/// Register/get/update for aggregates whose state is one profile. Subclasses say how a profile
/// is checked, stored and shown; the persistence is written once here (the list rows come from the state's projector).
/// </summary>
public abstract class ProfileGrain<TProfile, TDetails>(
    IPersistentState<ProfileState<TProfile>> state, TimeProvider clock) : Grain
    where TProfile : class, IValidatedProfile<TProfile>
{
    protected abstract string Resource { get; }
    protected abstract TDetails ToDetails(string id, ProfileState<TProfile> state, TProfile profile);

    private static TProfile Validated(TProfile profile)
    {
        profile.Validate();
        return profile.Normalized();
    }

    /// <summary>Checks that the objects a profile points to exist; none by default.</summary>
    protected virtual Task CheckReferences(string id, TProfile profile) => Task.CompletedTask;

    private string Id => this.GetPrimaryKeyString();

    public Task<bool> Exists() => Task.FromResult(state.State.Profile is not null);

    public Task<TDetails> Get() =>
        Task.FromResult(ToDetails(Id, state.State, Guard.Existing(state.State.Profile, Resource, Id)));

    public async Task<TDetails> Register(TProfile profile)
    {
        Guard.NotYetRegistered(state.State.Profile is not null, Resource, Id);
        var validated = Validated(profile);
        await CheckReferences(Id, validated);
        var now = clock.Now();
        return await Save(new ProfileState<TProfile> { Profile = validated, RegisteredAt = now, UpdatedAt = now });
    }

    public async Task<TDetails> UpdateProfile(TProfile profile)
    {
        Guard.Existing(state.State.Profile, Resource, Id);
        var validated = Validated(profile);
        await CheckReferences(Id, validated);
        return await Save(state.State with { Profile = validated, UpdatedAt = clock.Now() });
    }

    /// <summary>Stores the change with its audit entry (the profile's details before and after), when the caller declared one.</summary>
    private async Task<TDetails> Save(ProfileState<TProfile> next)
    {
        var before = state.State.Profile is { } current ? ToDetails(Id, state.State, current) : default;
        var after = ToDetails(Id, next, next.Profile!);
        await state.CommitAsync(next, AuditEntries.Changes(Resource, Id, before, after));
        return after;
    }
}
