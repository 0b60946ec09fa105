namespace AgriLink.Grains.Reviews;

/// <summary>The key of a review: the order and the cooperative whose part of it is reviewed, <c>ord-…:coop-…</c>.</summary>
public readonly record struct ReviewKey(string OrderId, string CooperativeId)
{
    public override string ToString() => $"{OrderId}:{CooperativeId}";

    public static ReviewKey Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1 || key.IndexOf(':', colon + 1) >= 0)
            throw new FormatException($"'{key}' is not a review key (order-id:cooperative-id).");
        return new ReviewKey(key[..colon], key[(colon + 1)..]);
    }
}
