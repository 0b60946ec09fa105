namespace AgriLink.Grains.Quotas;

/// <summary>
/// One calendar month (1–12) of a budget unit's quota year: the certified purchases counted in it, by channel, and
/// <see cref="CumulativeFen"/>, the certified purchases counted by month from January through the end of this one.
/// Purchases fall in the month of their <see cref="QuotaPurchase.Date"/> (China date).
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.QuotaMonth")]
public sealed record QuotaMonth(
    [property: Id(0)] int Month,
    [property: Id(1)] long OwnFen,
    [property: Id(2)] long UnionFen,
    [property: Id(3)] long EmployeeFen,
    [property: Id(4)] int Purchases,
    [property: Id(5)] long CumulativeFen)
{
    /// <summary>The month's own certified purchases, all channels.</summary>
    public long CountedFen => OwnFen + UnionFen + EmployeeFen;
}
