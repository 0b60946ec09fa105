namespace AgriLink.Domain.Orders;

/// <summary>A line's amount: unit price in fen times a quantity with up to 3 decimals, rounded half up (四舍五入) to the fen.</summary>
public static class LinePricing
{
    public static long AmountFen(long priceFen, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priceFen);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return checked((long)decimal.Round(priceFen * quantity, 0, MidpointRounding.AwayFromZero));
    }
}
