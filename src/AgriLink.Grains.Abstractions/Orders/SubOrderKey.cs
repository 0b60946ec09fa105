namespace AgriLink.Grains.Orders;

/// <summary>
/// The key of one cooperative's part of an order, <c>ord-…:coop-…</c>: the grains that follow a sub-order after delivery
/// (its review, its after-sales case) are keyed by it.
/// </summary>
public readonly record struct SubOrderKey(string OrderId, string CooperativeId)
{
    public override string ToString() => $"{OrderId}:{CooperativeId}";

    public static SubOrderKey Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1 || key.IndexOf(':', colon + 1) >= 0)
            throw new FormatException($"'{key}' is not a sub-order key (order-id:cooperative-id).");
        return new SubOrderKey(key[..colon], key[(colon + 1)..]);
    }
}
