namespace AgriLink.Domain.Dividends;

/// <summary>How a share class's guaranteed floor (保底分红) is reckoned; see <see cref="FloorRule.Value"/>.</summary>
[GenerateSerializer, Alias("AgriLink.FloorKind")]
public enum FloorKind
{
    /// <summary>Fen per mu per year (贾西村: ¥400/mu).</summary>
    PerMu = 0,
    /// <summary>Basis points of principal, optionally stepping by holding year (江古镇: 6%, 8%, 10%).</summary>
    PercentOfPrincipal = 1,
    /// <summary>Basis points of the year's profit per mu, times the holding's mu (补那村: 10%).</summary>
    PercentOfProfitPerMu = 2,
    /// <summary>Fen per mu paid to the village collective out of the holder's floor (¥20–30/mu).</summary>
    CoordinationFeePerMu = 3,
}
