namespace AgriLink.Domain.Dividends;

[GenerateSerializer, Alias("AgriLink.DividendComponentKind")]
public enum DividendComponentKind
{
    /// <summary>按交易量返还: the member's part of the trade-return pool.</summary>
    TradeReturn = 0,
    /// <summary>保底: the guaranteed floor actually paid (cut pro rata when the pool falls short).</summary>
    Floor = 1,
    /// <summary>Coordination fee taken from the holder's floor for the village collective; negative.</summary>
    CollectiveDeduction = 2,
    /// <summary>The village collective's receipt of a <see cref="CollectiveDeduction"/>; positive.</summary>
    CoordinationFee = 3,
    /// <summary>The unpaid part of a floor, owed to the holder; not paid, never part of the total paid.</summary>
    FloorLiability = 4,
    /// <summary>二次分红: the holding's pro-rata part of what is left after the floors.</summary>
    SecondRound = 5,
}
