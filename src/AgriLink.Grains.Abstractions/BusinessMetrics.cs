using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AgriLink.Grains;

/// <summary>
/// What the platform does, counted where it is decided, on the <see cref="MeterName"/> meter (the web node's and the
/// silo's <c>/metrics</c>, as <c>agrilink_orders_placed_total</c> and so on): orders placed and refused (by the refusal's
/// code), stock reservations, dividends paid in fen, Stripe webhook outcomes, and how far behind each outbox follower is.
/// </summary>
public static class BusinessMetrics
{
    public const string MeterName = "AgriLink";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> OrdersPlaced = Meter.CreateCounter<long>("agrilink.orders.placed", description: "Orders placed (stored)");
    private static readonly Counter<long> OrdersRefused =
        Meter.CreateCounter<long>("agrilink.orders.refused", description: "Orders refused by a listing (sold out, below minimum, unavailable)");
    private static readonly Counter<long> Reservations = Meter.CreateCounter<long>("agrilink.listings.reservations", description: "Stock reservations granted");
    private static readonly Counter<long> DividendsPaid = Meter.CreateCounter<long>("agrilink.dividends.paid", unit: "fen", description: "Dividends paid, in fen");
    private static readonly Counter<long> Webhooks = Meter.CreateCounter<long>("agrilink.payments.webhooks", description: "Stripe webhooks received, by outcome");
    private static readonly ConcurrentDictionary<string, double> Lag = new(StringComparer.Ordinal);

    static BusinessMetrics() =>
        Meter.CreateObservableGauge("agrilink.outbox.lag", () => Lag.Select(l => new Measurement<double>(l.Value, new KeyValuePair<string, object?>("consumer", l.Key))),
            unit: "s", description: "Age of the newest outbox event a follower has handled when it handled it (0 when idle)");

    public static void OrderPlaced(string paymentMethod) => OrdersPlaced.Add(1, new KeyValuePair<string, object?>("payment_method", paymentMethod));

    public static void OrderRefused(string code) => OrdersRefused.Add(1, new KeyValuePair<string, object?>("code", code));

    public static void Reserved() => Reservations.Add(1);

    public static void Paid(long fen)
    {
        if (fen > 0) DividendsPaid.Add(fen);
    }

    public static void Webhook(string outcome) => Webhooks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A follower (<paramref name="consumer"/>: search, live, matching) handled events up to one made at <paramref name="newest"/>.</summary>
    public static void FollowerCaughtUp(string consumer, DateTimeOffset newest, DateTimeOffset now) =>
        Lag[consumer] = Math.Max(0, (now - newest).TotalSeconds);

    /// <summary>A follower found nothing new to handle.</summary>
    public static void FollowerIdle(string consumer) => Lag[consumer] = 0;
}
