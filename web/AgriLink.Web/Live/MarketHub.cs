using System.Security.Claims;
using System.Text.Json;
using AgriLink.Domain.Listings;
using AgriLink.Grains.Listings;
using AgriLink.Web.Auth;
using Microsoft.AspNetCore.SignalR;

namespace AgriLink.Web.Live;

/// <summary>What a live client receives: one method, <c>event</c>.</summary>
public interface IMarketClient
{
    Task Event(MarketEventMessage message);
}

/// <summary>
/// An event as clients see it. <c>resource</c> names what changed (<c>listing:lst-…</c>); <c>sequence</c> counts its
/// changes without gaps, so a client that sees a jump re-fetches the resource; <c>data</c> is the event's payload;
/// <c>position</c> is its place in the outbox, to pass to the hub's <c>Since</c> after a reconnect.
/// </summary>
public sealed record MarketEventMessage(string Topic, string Name, string Resource, long Sequence, DateTimeOffset At, JsonElement Data, long? Position = null)
{
    public static MarketEventMessage From(Storage.Outbox.OutboxRecord e)
    {
        using var data = JsonDocument.Parse(e.Data);
        return new(e.Topic, e.Name, e.Resource, e.Sequence, e.At, data.RootElement.Clone(), e.Position);
    }
}

/// <summary>
/// Hub <c>/hubs/market</c>. A client joins topics: <c>market</c> (anyone), <c>listing:{id}</c> (a published listing,
/// or its cooperative's admins), <c>coop:{id}</c> (its admins), <c>buyer:{id}</c> (that buyer), <c>household:{id}</c>
/// (that household). Joining is authorized exactly like reading the resource; a refusal is a hub error and joins nothing.
/// </summary>
public sealed class MarketHub(IGrainFactory grains, Storage.Outbox.OutboxStore outbox) : Hub<IMarketClient>
{
    /// <summary>At most this many events per <see cref="Since"/> answer; ask again from the last one's position for more.</summary>
    public const int MaxReplay = 500;

    public const string Path = "/hubs/market";

    /// <summary>At most this many topics per connection.</summary>
    public const int MaxTopics = 50;

    /// <summary>The connection's joined topics, kept in <see cref="HubCallerContext.Items"/>.</summary>
    private const string TopicsKey = "topics";

    public async Task Join(string topic)
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Length > 100) throw new HubException("A topic is 'market' or 'kind:id'.");
        if (Context.Items.TryGetValue(TopicsKey, out var held) is false || held is not HashSet<string> topics)
            Context.Items[TopicsKey] = topics = new HashSet<string>(StringComparer.Ordinal);
        if (topics.Contains(topic)) return;
        if (topics.Count >= MaxTopics) throw new HubException($"At most {MaxTopics} topics per connection.");
        if (!await MayJoin(Context.User ?? new ClaimsPrincipal(), topic)) throw new HubException($"Not allowed to follow '{topic}'.");
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        topics.Add(topic);
    }

    /// <summary>
    /// The events of a topic this connection has joined after outbox <paramref name="position"/> (a message's
    /// <c>position</c>), oldest first: what a client that was disconnected missed. Joining is what authorizes it.
    /// </summary>
    public async Task<IReadOnlyList<MarketEventMessage>> Since(string topic, long position)
    {
        if (!Context.Items.TryGetValue(TopicsKey, out var held) || held is not HashSet<string> topics || !topics.Contains(topic ?? ""))
            throw new HubException("Join the topic before asking for its events.");
        if (position < 0) throw new HubException("A position is 0 or a message's position.");
        var events = await outbox.ReadTopicAfterAsync(topic!, position, MaxReplay, Context.ConnectionAborted);
        return events.Select(MarketEventMessage.From).ToList();
    }

    public async Task Leave(string topic)
    {
        if (Context.Items.TryGetValue(TopicsKey, out var value) && value is HashSet<string> topics && topics.Remove(topic))
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
    }

    private async Task<bool> MayJoin(ClaimsPrincipal user, string topic)
    {
        if (topic == "market") return true;
        var colon = topic.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == topic.Length - 1) return false;
        var (kind, id) = (topic[..colon], topic[(colon + 1)..]);
        return kind switch
        {
            "coop" => user.AdministersCooperative(id),
            "buyer" => user.IsBuyer(id),
            "household" => user.IsHousehold(id) || user.IsPlatformAdmin(),
            "listing" => await MayReadListing(user, id),
            _ => false,
        };
    }

    private async Task<bool> MayReadListing(ClaimsPrincipal user, string listingId)
    {
        try
        {
            var listing = await grains.GetGrain<IListingGrain>(listingId).Get();
            return listing.Status is not (ListingStatus.Draft or ListingStatus.Archived) || user.AdministersCooperative(listing.CooperativeId);
        }
        catch (Domain.Errors.NotFoundException)
        {
            return false;
        }
    }
}
