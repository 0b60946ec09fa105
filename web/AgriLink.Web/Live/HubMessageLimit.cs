using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;

namespace AgriLink.Web.Live;

/// <summary>
/// A bound on what one connection may send: each hub invocation takes a token from the connection's own bucket
/// (<c>AgriLink:Live:MessagesPerMinute</c>, 60 by default, all of them usable at once so a page can join its topics on
/// load). Past the bound an invocation is refused with a hub error and does nothing; the connection stays open.
/// </summary>
public sealed class HubMessageLimit(IConfiguration configuration) : IHubFilter
{
    public const int DefaultMessagesPerMinute = 60;

    private const string LimiterKey = "message-limit";

    private int PerMinute => Math.Max(1, configuration.GetValue("AgriLink:Live:MessagesPerMinute", DefaultMessagesPerMinute));

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocationContext.Context.Items;
        if (!items.TryGetValue(LimiterKey, out var held) || held is not RateLimiter limiter)
            items[LimiterKey] = limiter = NewLimiter(PerMinute);
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired) throw new HubException($"Too many messages: at most {PerMinute} a minute per connection.");
        return await next(invocationContext);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.Remove(LimiterKey, out var held) && held is IDisposable limiter) limiter.Dispose();
        return next(context, exception);
    }

    private static TokenBucketRateLimiter NewLimiter(int perMinute) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = perMinute,
        TokensPerPeriod = perMinute,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
