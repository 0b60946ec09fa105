using AgriLink.Storage.Changes;
using AgriLink.Domain.Cooperatives;
using AgriLink.Domain.Errors;
using AgriLink.Domain.Listings;
using AgriLink.Domain.Orders;
using AgriLink.Domain.Photos;
using System.Collections.Immutable;
using AgriLink.Grains.Common;
using AgriLink.Grains.Cooperatives;
using AgriLink.Grains.Live;
using AgriLink.Grains.Orders;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace AgriLink.Grains.Listings;

/// <summary>
/// One listing. Reentrant so that a flash sale's reservations share writes: every command that changes the
/// listing goes through one <see cref="GroupCommit{TState}"/>, which decides it synchronously against the
/// working state and answers it only once the write holding its change committed. Writes therefore stay
/// serialized (one at a time, each a snapshot), which is what makes reentrancy safe here.
/// </summary>
[Reentrant]
public sealed partial class ListingGrain : Grain, IListingGrain, IRemindable
{
    private const string Resource = "listing";
    private const string HoldReminder = "listing-holds";

    /// <summary>Orleans' smallest reminder period: a hold is swept at most this long after it ran out.</summary>
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _clock;
    private readonly ILogger<ListingGrain> _logger;
    private readonly GroupCommit<ListingState> _commits;
    private readonly IPersistentState<ListingState> _state;
    private bool _reminderRegistered;

    public ListingGrain(
        [PersistentState("listing", GrainStorage.Main)] IPersistentState<ListingState> state,
        TimeProvider clock,
        ILogger<ListingGrain> logger)
    {
        _clock = clock;
        _logger = logger;
        _state = state;
        _commits = new GroupCommit<ListingState>(state, AfterCommit, Changed);
    }

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The commit pipeline was built before the state was read; start it from what the database has.
        _commits.Reload();
        if (!_commits.Committed.Holds.IsEmpty) await EnsureReminder();
    }

    public Task<bool> Exists() => Task.FromResult(_commits.Committed.Draft is not null);

    public Task<ListingDetails> Get() => Task.FromResult(Details(_commits.Committed));

    public Task<ListingAvailability> Availability(string? orderId)
    {
        // The working state: once the stock is promised to reservations still waiting for their write, later buyers are
        // refused here at once instead of each activating an order. Were that write to fail, they were refused too early
        // (never accepted too early): placing still decides against the stored state.
        var working = _commits.Working;
        var draft = Existing(working);
        var held = orderId is not null && working.Holds.ContainsKey(orderId.Trim());
        return Task.FromResult(new ListingAvailability(working.Status, draft.Stock, draft.MinOrder, held));
    }

    public Task<long> Sequence() => Task.FromResult(MarketEvents.SequenceOf(_state) ?? 0);

    public async Task<ListingDetails> Create(string cooperativeId, ListingDraft draft)
    {
        Guard.NotYetRegistered(_commits.Working.Draft is not null, Resource, Id);
        if (string.IsNullOrWhiteSpace(cooperativeId)) throw ValidationFailedException.For("cooperativeId", "is required.");
        cooperativeId = cooperativeId.Trim();
        draft.Validate(_clock.Today());
        if (!await GrainFactory.GetGrain<ICooperativeGrain>(cooperativeId).Exists())
            throw ValidationFailedException.For("cooperativeId", $"No cooperative with id '{cooperativeId}' is registered.");
        await CheckProducers(cooperativeId, draft);
        var now = _clock.Now();
        return await Change(s =>
        {
            Guard.NotYetRegistered(s.Draft is not null, Resource, Id);
            return new ListingState
            {
                CooperativeId = cooperativeId, Draft = draft.Normalized(), Status = ListingStatus.Draft, CreatedAt = now, UpdatedAt = now,
            };
        });
    }

    public async Task<ListingDetails> Update(ListingDraft draft)
    {
        Existing(_commits.Working);
        draft.Validate(_clock.Today());
        await CheckProducers(_commits.Working.CooperativeId!, draft);
        var now = _clock.Now();
        return await Change(s =>
        {
            Existing(s);
            if (s.Status == ListingStatus.Archived)
                throw new RuleViolationException("listing.archived", "An archived listing cannot be edited.");
            return s with
            {
                Draft = draft.Normalized(),
                Status = ListingLifecycle.AfterStockChange(s.Status, draft.Stock),
                UpdatedAt = now,
            };
        });
    }

    /// <summary>Only an admitted (approved, not suspended) cooperative's listings go on sale, as on the 832 platform.</summary>
    public async Task<ListingDetails> Publish()
    {
        Existing(_commits.Working);
        await RequireAdmitted(_commits.Working.CooperativeId!);
        return await Transition(s => ListingLifecycle.Publish(s.Status, s.Draft!.Stock));
    }

    public Task<ListingDetails> Pause() => Transition(s => ListingLifecycle.Pause(s.Status));

    public Task<ListingDetails> Archive() => Transition(s => ListingLifecycle.Archive(s.Status));

    /// <summary>Sets the stock still available to order; holds already taken out stay held.</summary>
    public Task<ListingDetails> SetStock(decimal stock)
    {
        var now = _clock.Now();
        return Change(s =>
        {
            var draft = Existing(s) with { Stock = stock };
            draft.Validate();
            return s with { Draft = draft, Status = ListingLifecycle.AfterStockChange(s.Status, stock), UpdatedAt = now };
        });
    }

    public Task<ListingDetails> AddPhoto(Photo photo) => ChangePhotos(photos => PhotoAlbum.Add(photos, photo));

    public Task<ListingDetails> RemovePhoto(string photoId) => ChangePhotos(photos => PhotoAlbum.Remove(photos, photoId));

    public Task<ListingDetails> SetCoverPhoto(string photoId) => ChangePhotos(photos => PhotoAlbum.Cover(photos, photoId));

    public Task<ListingDetails> ArrangePhotos(IReadOnlyList<string> order) => ChangePhotos(photos => PhotoAlbum.Arrange(photos, order ?? []));

    /// <summary>
    /// An archived listing keeps its photos as they were (its orders still show them) and takes no more changes, so nothing
    /// of it is deleted and nothing new is stored for it.
    /// </summary>
    private Task<ListingDetails> ChangePhotos(Func<ImmutableList<Photo>, ImmutableList<Photo>> change)
    {
        var now = _clock.Now();
        return Change(s =>
        {
            Existing(s);
            if (s.Status == ListingStatus.Archived)
                throw new RuleViolationException("listing.archived", "An archived listing's photos cannot be changed.");
            return s with { Photos = change(s.Photos), UpdatedAt = now };
        });
    }

    public Task<ListingDetails> GrantPovertyCertification(PovertyCertification certification, string grantedBy)
    {
        ArgumentNullException.ThrowIfNull(certification);
        certification.Validate(_clock.Today());
        certification = certification.Normalized();
        var now = _clock.Now();
        return Change(s =>
        {
            Existing(s);
            if (s.Status == ListingStatus.Archived)
                throw new RuleViolationException("listing.archived", "An archived listing cannot be certified.");
            if (s.Poverty is not null)
                throw new RuleViolationException("certification.already-granted",
                    $"The listing is already certified under {s.Poverty.CertificateNumber}; revoke it first.");
            return s with
            {
                Poverty = certification,
                CertificationHistory = s.CertificationHistory.Add(new(now, Granted: true, certification.CertificateNumber, grantedBy)),
            };
        });
    }

    public Task<ListingDetails> RevokePovertyCertification(string reason, string revokedBy)
    {
        new Validator().Text("reason", reason, 500).ThrowIfInvalid();
        reason = reason.Trim();
        var now = _clock.Now();
        return Change(s =>
        {
            Existing(s);
            if (s.Poverty is null)
                throw new RuleViolationException("certification.not-granted", "The listing holds no poverty-alleviation certification.");
            return s with
            {
                Poverty = null,
                CertificationHistory = s.CertificationHistory.Add(new(now, Granted: false, s.Poverty.CertificateNumber, revokedBy, reason)),
            };
        });
    }

    public async Task<ReservedLine> Reserve(string orderId, decimal quantity, DateTimeOffset holdUntil)
    {
        var outcome = await TryReserve(orderId, quantity, holdUntil);
        return outcome.Refused is { } refused ? throw refused.ToException() : outcome.Line!;
    }

    public async Task<ReserveOutcome> TryReserve(string orderId, decimal quantity, DateTimeOffset holdUntil)
    {
        StockReservation.Validate(orderId, quantity, holdUntil, _clock.Now());
        orderId = orderId.Trim();
        var cooperativeId = _commits.Working.CooperativeId;
        Existing(_commits.Working);
        // A repeat for a held order answers as before, even if the cooperative was suspended since.
        if (!_commits.Working.Holds.ContainsKey(orderId)) await RequireAdmitted(cooperativeId!);
        var granted = false;
        var outcome = await _commits.Submit(s =>
        {
            var draft = Existing(s);
            if (s.Holds.TryGetValue(orderId, out var held)) return (s, new ReserveOutcome(held, null));
            StockReservation.CheckAmount(draft.Unit, quantity);
            // Unchanged state: the refusal is answered after the write it rests on (if one is in flight) committed.
            if (StockReservation.Refusal(s.Status, draft.Stock, draft.MinOrder, quantity) is { } refusal)
                return (s, new ReserveOutcome(null, Refusal.Of(refusal)));
            var line = new ReservedLine(Id, s.CooperativeId!, draft.Title, draft.Unit, draft.PriceFen, quantity,
                LinePricing.AmountFen(draft.PriceFen, quantity), s.Poverty is not null, draft.ProducerIds ?? [], draft.CountyCode, holdUntil);
            var stock = draft.Stock - quantity;
            var next = s with
            {
                Draft = draft with { Stock = stock },
                Status = StockReservation.AfterHoldChange(s.Status, stock),
                Holds = s.Holds.Add(orderId, line),
            };
            granted = true;
            return (next, new ReserveOutcome(line, null));
        });
        if (granted) BusinessMetrics.Reserved(); // committed: Submit returns after the write
        return outcome;
    }

    /// <summary>How long a live, unshipped order's hold runs before the listing asks the order again.</summary>
    internal static readonly TimeSpan HoldExtension = TimeSpan.FromDays(1);

    /// <summary>Keeps a live order's hold for longer (its order said <see cref="ReservationVerdict.Extend"/>).</summary>
    private Task Extend(string orderId, DateTimeOffset holdUntil) =>
        _commits.Submit(s => s.Holds.TryGetValue(orderId, out var held) && held.HoldUntil < holdUntil
            ? (s with { Holds = s.Holds.SetItem(orderId, held with { HoldUntil = holdUntil }) }, true)
            : (s, false));

    public Task Confirm(string orderId) =>
        _commits.Submit(s => s.Holds.ContainsKey(orderId) ? (s with { Holds = s.Holds.Remove(orderId) }, true) : (s, false));

    public Task Release(string orderId) =>
        _commits.Submit(s =>
        {
            if (!s.Holds.TryGetValue(orderId, out var held)) return (s, false);
            var stock = Math.Min(s.Draft!.Stock + held.Quantity, ListingDraft.MaxStock);
            return (s with
            {
                Draft = s.Draft with { Stock = stock },
                Status = StockReservation.AfterHoldChange(s.Status, stock),
                Holds = s.Holds.Remove(orderId),
            }, true);
        });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == HoldReminder) await SweepExpiredHolds();
    }

    /// <summary>
    /// Asks each order whose hold ran out whether it was paid (confirm) or not (release). An order that cannot
    /// answer keeps its hold until the next sweep: releasing stock a paid order owns would oversell.
    /// </summary>
    private async Task SweepExpiredHolds()
    {
        var expired = StockReservation.Expired(
            _commits.Committed.Holds.Select(h => KeyValuePair.Create(h.Key, h.Value.HoldUntil)), _clock.Now());
        await Task.WhenAll(expired.Select(Settle));
        if (_commits.Committed.Holds.IsEmpty) await DropReminder();
    }

    private async Task Settle(string orderId)
    {
        try
        {
            var verdict = await GrainFactory.GetGrain<IOrderGrain>(orderId).ReservationExpiring(Id);
            await (verdict switch
            {
                ReservationVerdict.Confirm => Confirm(orderId),
                ReservationVerdict.Extend => Extend(orderId, _clock.Now() + HoldExtension),
                _ => Release(orderId),
            });
            LogSettled(Id, orderId, verdict);
        }
        catch (Exception e)
        {
            LogSettleFailed(e, Id, orderId);
        }
    }

    private Task<ListingDetails> Transition(Func<ListingState, ListingStatus> next)
    {
        var now = _clock.Now();
        return Change(s =>
        {
            Existing(s);
            return s with { Status = next(s), UpdatedAt = now };
        });
    }

    /// <summary>
    /// A command that answers the listing's details. Its audit entry (the listing before and after, when the caller declared
    /// one) is taken now, in the caller's call, and written with the write that holds the change.
    /// </summary>
    private Task<ListingDetails> Change(Func<ListingState, ListingState> decide)
    {
        var declared = Audit.AuditIntent.For(Resource, Id);
        return _commits.Submit(s =>
        {
            var next = decide(s);
            return (next, Details(next));
        }, declared is null ? null : (before, after) => new AuditRecord(declared.Actor, declared.Action, Resource, Id,
            Audit.AuditJson.Serialize(before.Draft is null ? null : Details(before)), Audit.AuditJson.Serialize(Details(after))));
    }

    private async Task RequireAdmitted(string cooperativeId)
    {
        if (!await GrainFactory.Get<ICooperativeAdmissionGrain>(cooperativeId).MaySell())
            throw new RuleViolationException("cooperative.not-admitted",
                $"The cooperative '{cooperativeId}' is not admitted to sell on the platform (or is suspended).");
    }

    /// <summary>Producers must be member households of the listing's cooperative.</summary>
    private async Task CheckProducers(string cooperativeId, ListingDraft draft)
    {
        if (draft.ProducerIds is not { Count: > 0 } producers) return;
        var members = (await GrainFactory.GetGrain<ICooperativeGrain>(cooperativeId).MemberIds(MemberKind.Household))
            .ToHashSet(StringComparer.Ordinal);
        var strangers = producers.Select(p => p.Trim()).Where(p => !members.Contains(p)).ToList();
        if (strangers.Count > 0)
            throw ValidationFailedException.For("producerIds",
                $"Not member households of the cooperative: '{string.Join(", ", strangers.Take(10))}'.");
    }

    private ListingDraft Existing(ListingState s) => Guard.Existing(s.Draft, Resource, Id);

    /// <summary>Keeps the hold reminder in step with what was committed. Never throws: the change is stored.</summary>
    private async Task AfterCommit(ListingState previous, ListingState committed, IReadOnlyList<MarketEvent> raised)
    {
        MarketEvents.Publish(GrainFactory, raised);
        if (!committed.Holds.IsEmpty && !_reminderRegistered) await EnsureReminder();
    }

    /// <summary>
    /// One event per write, numbered by the row's version (one more per write: no gaps), to the listing's group and, while
    /// public, the market feed; the cooperative's group always hears it. Only public fields travel. A write that puts the
    /// listing on sale or adds stock also stages <see cref="Matching.ListingAvailable"/> for the demand matcher.
    /// </summary>
    private IReadOnlyList<MarketEvent> Changed(ListingState previous, ListingState committed, long sequence)
    {
        var draft = committed.Draft!;
        var name = previous.Draft is null ? "listing.created"
            : (previous.Poverty is null) != (committed.Poverty is null) ? (committed.Poverty is null ? "listing.certification-revoked" : "listing.certification-granted")
            : previous.Status != committed.Status ? "listing.status-changed"
            : previous.Draft.Stock != draft.Stock ? "listing.stock-changed"
            : previous.Draft.PriceFen != draft.PriceFen ? "listing.price-changed"
            : "listing.changed";
        var resource = $"listing:{Id}";
        var change = MarketEvents.Create($"coop:{committed.CooperativeId}", name, resource, sequence, _clock.Now(), new ListingChanged(
            Id, committed.CooperativeId!, draft.Title, committed.Status.ToString(), draft.Stock, draft.PriceFen, draft.Unit.ToString(),
            committed.Poverty is not null));
        var wasOrIsPublic = committed.Status is not (ListingStatus.Draft or ListingStatus.Archived)
            || previous.Status is not (ListingStatus.Draft or ListingStatus.Archived);
        IReadOnlyList<MarketEvent> changes = wasOrIsPublic ? [change, change with { Topic = resource }, change with { Topic = "market" }] : [change];
        return Matching.ListingAvailable.Event(Id, previous, committed, sequence, change.At) is { } available ? [.. changes, available] : changes;
    }

    private sealed record ListingChanged(string ListingId, string CooperativeId, string Title, string Status, decimal Stock, long PriceFen, string Unit, bool PovertyCertified);

    private async Task EnsureReminder()
    {
        try
        {
            var earliest = _commits.Committed.Holds.Values.Min(h => h.HoldUntil);
            var due = earliest - _clock.Now();
            await this.RegisterOrUpdateReminder(HoldReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, SweepPeriod);
            _reminderRegistered = true;
        }
        catch (Exception e)
        {
            // Holds are stored either way; the next commit or activation tries again.
            LogReminderFailed(e, Id);
        }
    }

    private async Task DropReminder()
    {
        try
        {
            var reminder = await this.GetReminder(HoldReminder);
            if (reminder is not null) await this.UnregisterReminder(reminder);
            _reminderRegistered = false;
        }
        catch (Exception e)
        {
            LogReminderFailed(e, Id);
        }
    }

    private ListingDetails Details(ListingState s) =>
        new(Id, s.CooperativeId!, Existing(s), s.Status, s.CreatedAt, s.UpdatedAt,
            s.Holds.Values.Sum(h => h.Quantity), s.Holds.Count, s.Poverty, s.CertificationHistory, Photos: s.Photos);

    [LoggerMessage(LogLevel.Information, "Listing {ListingId}: expired hold of order {OrderId} settled as {Verdict}")]
    private partial void LogSettled(string listingId, string orderId, ReservationVerdict verdict);

    [LoggerMessage(LogLevel.Warning, "Listing {ListingId}: the expired hold of order {OrderId} could not be settled; kept until the next sweep")]
    private partial void LogSettleFailed(Exception error, string listingId, string orderId);

    [LoggerMessage(LogLevel.Warning, "Listing {ListingId}: hold reminder not registered or removed")]
    private partial void LogReminderFailed(Exception error, string listingId);
}
