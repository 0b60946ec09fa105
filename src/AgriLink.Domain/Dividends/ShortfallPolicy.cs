namespace AgriLink.Domain.Dividends;

/// <summary>What the charter does when the capital pool cannot cover every guaranteed floor (保底).</summary>
[GenerateSerializer, Alias("AgriLink.ShortfallPolicy")]
public enum ShortfallPolicy
{
    /// <summary>The whole pool is paid out pro rata to the floors due; the rest is forgone.</summary>
    ProRataCut = 0,
    /// <summary>The same pro-rata payment now, and each unpaid remainder is owed to its holder.</summary>
    CarryAsLiability = 1,
}
