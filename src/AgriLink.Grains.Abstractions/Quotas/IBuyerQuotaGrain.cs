namespace AgriLink.Grains.Quotas;

/// <summary>
/// A budget unit's purchasing quota for one calendar year (key: <c>{budget unit buyer id}:{year}</c>, see
/// <see cref="BuyerYear"/>): the declared canteen food budget times the reserve rate, and the certified
/// purchases of the unit, its union and its employees counted against it.
/// </summary>
[Alias("AgriLink.IBuyerQuotaGrain")]
public interface IBuyerQuotaGrain : IGrainWithStringKey
{
    [Alias("Declare")] Task<QuotaProgress> Declare(QuotaDeclaration declaration);
    /// <summary>Counts a purchase once per reference; a repeat returns the progress unchanged.</summary>
    [Alias("RecordPurchase")] Task<QuotaProgress> RecordPurchase(QuotaPurchase purchase);
    /// <summary>Takes a refunded purchase's amounts back (an after-sales refund), in the month of <c>Date</c>; once per reference.</summary>
    [Alias("RecordRefund")] Task<QuotaProgress> RecordRefund(QuotaPurchase refund);
    [Alias("Progress"), Orleans.Concurrency.AlwaysInterleave] Task<QuotaProgress> Progress();
}

/// <summary>The key of per-buyer, per-year grains: <c>buyer-gzcanteen:2026</c>.</summary>
public readonly record struct BuyerYear(string BuyerId, int Year)
{
    public override string ToString() => $"{BuyerId}:{Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <exception cref="FormatException">The key is not <c>{buyer id}:{year}</c>.</exception>
    public static BuyerYear Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(key.AsSpan(colon + 1), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var year))
            throw new FormatException($"'{key}' is not a buyer-year key such as buyer-gzcanteen:2026.");
        return new(key[..colon], year);
    }
}
