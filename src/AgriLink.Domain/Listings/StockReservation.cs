using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Listings;

/// <summary>
/// The rules for holding a listing's stock for an order. The listing's stock is what is still available:
/// a hold subtracts from it, a release adds back, a confirmation only forgets the hold (the stock stays sold).
/// </summary>
public static class StockReservation
{
    /// <summary>How far ahead a hold may run; an order unpaid for a year is not a reservation.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromDays(366);

    public static void Validate(string? orderId, decimal quantity, DateTimeOffset holdUntil, DateTimeOffset now) =>
        new Validator()
            .Text("orderId", orderId, 64)
            .Check(quantity > 0 && quantity <= ListingDraft.MaxStock && decimal.Round(quantity, 3) == quantity, "quantity",
                "must be positive with at most 3 decimals.")
            .Check(holdUntil > now && holdUntil - now <= MaxHold, "holdUntil", "must be in the future, at most a year ahead.")
            .ThrowIfInvalid();

    /// <summary>An order of a counted unit (箱, 只…) is for whole ones: the same rule as the listing's stock.</summary>
    public static void CheckAmount(Quantities.Unit unit, decimal quantity) =>
        new Validator().AmountOf("quantity", quantity, unit).ThrowIfInvalid();

    /// <summary>Refuses a hold the listing cannot grant; the quantity is already validated.</summary>
    public static void CheckReservable(ListingStatus status, decimal stock, decimal minOrder, decimal quantity)
    {
        if (Refusal(status, stock, minOrder, quantity) is { } refusal) throw refusal;
    }

    /// <summary>Why an order of <paramref name="quantity"/> cannot be served, or null when it can (not thrown: callers on a hot path answer without an exception).</summary>
    public static RuleViolationException? Refusal(ListingStatus status, decimal stock, decimal minOrder, decimal quantity)
    {
        if (status != ListingStatus.Active && status != ListingStatus.SoldOut)
            return new RuleViolationException("listing.not-available", $"The listing is {status} and cannot be ordered.");
        if (quantity < minOrder)
            return new RuleViolationException("listing.below-minimum-order",
                $"The minimum order is {minOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)}.", unprocessable: true);
        if (quantity > stock)
            return new RuleViolationException("listing.insufficient-stock",
                $"Only {stock.ToString(System.Globalization.CultureInfo.InvariantCulture)} left.");
        return null;
    }

    /// <summary>The status after stock is taken or given back: like an edit, but an archived or paused listing keeps its status.</summary>
    public static ListingStatus AfterHoldChange(ListingStatus from, decimal stock) =>
        from == ListingStatus.Archived ? from : ListingLifecycle.AfterStockChange(from, stock);

    /// <summary>The orders whose holds ran out at <paramref name="now"/>, earliest first (ties by order id).</summary>
    public static IReadOnlyList<string> Expired(IEnumerable<KeyValuePair<string, DateTimeOffset>> holds, DateTimeOffset now) =>
        holds.Where(h => h.Value <= now)
            .OrderBy(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal)
            .Select(h => h.Key)
            .ToList();
}
