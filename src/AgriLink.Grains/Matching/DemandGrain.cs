using AgriLink.Domain.Errors;
using AgriLink.Domain.Matching;
using AgriLink.Grains.Buyers;
using AgriLink.Grains.Common;
using AgriLink.Grains.Live;

namespace AgriLink.Grains.Matching;

public sealed class DemandGrain(
    [PersistentState("demand", GrainStorage.Main)] IPersistentState<DemandState> state,
    TimeProvider clock) : Grain, IDemandGrain
{
    private const string Resource = "demand";

    /// <summary>Notifications kept per demand; older ones drop off.</summary>
    public const int MaxNotifications = 200;

    private string Id => this.GetPrimaryKeyString();

    public Task<bool> Exists() => Task.FromResult(state.State.Spec is not null);

    public Task<DemandDetails> Get() => Task.FromResult(Details(state.State));

    public Task<IReadOnlyList<DemandNotification>> Notifications()
    {
        Existing();
        return Task.FromResult<IReadOnlyList<DemandNotification>>(state.State.Notifications);
    }

    public async Task<DemandDetails> Post(string buyerId, DemandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Guard.NotYetRegistered(state.State.Spec is not null, Resource, Id);
        if (string.IsNullOrWhiteSpace(buyerId)) throw ValidationFailedException.For("buyerId", "is required.");
        buyerId = buyerId.Trim();
        spec.Validate(clock.Today());
        if (!await GrainFactory.GetGrain<IBuyerGrain>(buyerId).Exists())
            throw ValidationFailedException.For("buyerId", $"No buyer with id '{buyerId}' is registered.");
        var now = clock.Now();
        var posted = new DemandState
        {
            BuyerId = buyerId, Spec = spec.Normalized(), Status = DemandStatus.Open, PostedAt = now, UpdatedAt = now, Revision = 1,
        };
        await state.CommitAsync(posted, AuditEntries.Changes(Resource, Id, null, Details(posted)));
        return Details(state.State);
    }

    public async Task<DemandDetails> Update(DemandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var current = Existing();
        if (current.Status == DemandStatus.Closed)
            throw new RuleViolationException("demand.closed", "A closed demand cannot be changed; post a new one.");
        spec.Validate(clock.Today());
        await state.CommitAsync(current with { Spec = spec.Normalized(), UpdatedAt = clock.Now(), Revision = current.Revision + 1 });
        return Details(state.State);
    }

    public async Task<DemandDetails> Close(string? reason)
    {
        new Validator().Text("reason", reason, 500, required: false).ThrowIfInvalid();
        var current = Existing();
        if (current.Status == DemandStatus.Closed) return Details(current);
        var now = clock.Now();
        var closed = current with
        {
            Status = DemandStatus.Closed, ClosedAt = now, CloseReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            UpdatedAt = now, Revision = current.Revision + 1,
        };
        await state.CommitAsync(closed, AuditEntries.Changes(Resource, Id, Details(current), Details(closed)));
        return Details(state.State);
    }

    public async Task<bool> RecordMatch(DemandNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var current = state.State;
        if (current.Spec is null || current.Status != DemandStatus.Open) return false;
        if (current.Notifications.Any(n => n.ListingId == notification.ListingId && n.ListingVersion == notification.ListingVersion)) return false;
        var notifications = current.Notifications.Insert(0, notification);
        if (notifications.Count > MaxNotifications) notifications = notifications.RemoveRange(MaxNotifications, notifications.Count - MaxNotifications);
        var raised = await state.CommitAsync(current with { Notifications = notifications }, sequence => [Found(current.BuyerId!, notification, sequence)]);
        MarketEvents.Publish(GrainFactory, raised);
        return true;
    }

    /// <summary>The event telling the buyer's live clients, numbered by the demand's stored row (one more per write).</summary>
    private MarketEvent Found(string buyerId, DemandNotification n, long sequence) =>
        MarketEvents.Create($"buyer:{buyerId}", "match.found", $"demand:{Id}", sequence, clock.Now(), new
        {
            DemandId = Id, n.ListingId, n.CooperativeId, n.Title, n.Trigger, n.Score,
            Explanation = n.Components.Select(c => new { c.Component, c.Code, c.Points, c.MaxPoints, c.Explanation }),
        });

    private DemandState Existing()
    {
        Guard.Existing(state.State.Spec, Resource, Id);
        return state.State;
    }

    private DemandDetails Details(DemandState s) =>
        new(Id, s.BuyerId ?? throw new NotFoundException(Resource, Id), s.Spec!, s.Status, s.PostedAt, s.UpdatedAt, s.Revision,
            s.Notifications.Count, s.ClosedAt, s.CloseReason);
}
