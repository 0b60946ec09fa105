namespace AgriLink.Grains.Dividends;

[GenerateSerializer, Alias("AgriLink.TradeSource")]
public enum TradeSource
{
    /// <summary>Recorded by the cooperative for an offline delivery.</summary>
    Manual = 0,
    /// <summary>Posted from a completed marketplace order line naming the producing member.</summary>
    Marketplace = 1,
    /// <summary>A marketplace sale given back by an after-sales refund: a negative amount.</summary>
    Refund = 2,
}
