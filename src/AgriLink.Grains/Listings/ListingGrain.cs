using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Directory;

namespace AgriLink.Grains.Listings;

public sealed class ListingGrain(
    [PersistentState("listing", GrainStorage.Main)] IPersistentState<ListingState> state,
    TimeProvider clock) : Grain, IListingGrain
{
    private const string Resource = "listing";
    private string Id => this.GetPrimaryKeyString();

    public Task<bool> Exists() => Task.FromResult(state.State.Draft is not null);

    public Task<ListingDetails> Get() => Task.FromResult(Details(state.State));

    public async Task<ListingDetails> Create(string cooperativeId, ListingDraft draft)
    {
        Guard.NotYetRegistered(state.State.Draft is not null, Resource, Id);
        if (string.IsNullOrWhiteSpace(cooperativeId)) throw ValidationFailedException.For("cooperativeId", "is required.");
        cooperativeId = cooperativeId.Trim();
        draft.Validate();
        if (!await GrainFactory.GetGrain<ICooperativeGrain>(cooperativeId).Exists())
            throw ValidationFailedException.For("cooperativeId", $"No cooperative with id '{cooperativeId}' is registered.");
        var now = clock.Now();
        return await Save(new ListingState
        {
            CooperativeId = cooperativeId, Draft = draft.Normalized(), Status = ListingStatus.Draft, CreatedAt = now, UpdatedAt = now,
        });
    }

    public async Task<ListingDetails> Update(ListingDraft draft)
    {
        var current = Existing();
        if (current.Status == ListingStatus.Archived)
            throw new RuleViolationException("listing.archived", "An archived listing cannot be edited.");
        draft.Validate();
        return await Save(current with
        {
            Draft = draft.Normalized(),
            Status = ListingLifecycle.AfterStockChange(current.Status, draft.Stock),
            UpdatedAt = clock.Now(),
        });
    }

    public Task<ListingDetails> Publish() => Transition(s => ListingLifecycle.Publish(s.Status, s.Draft!.Stock));

    public Task<ListingDetails> Pause() => Transition(s => ListingLifecycle.Pause(s.Status));

    public Task<ListingDetails> Archive() => Transition(s => ListingLifecycle.Archive(s.Status));

    public async Task<ListingDetails> SetStock(decimal stock)
    {
        var current = Existing();
        var draft = current.Draft! with { Stock = stock };
        draft.Validate();
        return await Save(current with
        {
            Draft = draft,
            Status = ListingLifecycle.AfterStockChange(current.Status, stock),
            UpdatedAt = clock.Now(),
        });
    }

    private async Task<ListingDetails> Transition(Func<ListingState, ListingStatus> next)
    {
        var current = Existing();
        return await Save(current with { Status = next(current), UpdatedAt = clock.Now() });
    }

    private ListingState Existing()
    {
        Guard.Existing(state.State.Draft, Resource, Id);
        return state.State;
    }

    private async Task<ListingDetails> Save(ListingState next)
    {
        await state.CommitAsync(next);
        await GrainFactory.GetGrain<IDirectoryGrain>(DirectoryKinds.Listings)
            .Upsert(new(Id, next.Draft!.Title, next.Draft.CountyCode, next.CooperativeId, next.Status.ToString()));
        return Details(next);
    }

    private ListingDetails Details(ListingState s) =>
        new(Id, s.CooperativeId!, Guard.Existing(s.Draft, Resource, Id), s.Status, s.CreatedAt, s.UpdatedAt);
}
