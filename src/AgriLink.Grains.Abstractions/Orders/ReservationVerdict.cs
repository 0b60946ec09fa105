namespace AgriLink.Grains.Orders;

/// <summary>The order's answer when a listing's hold on its stock runs out.</summary>
[GenerateSerializer, Alias("AgriLink.ReservationVerdict")]
public enum ReservationVerdict
{
    /// <summary>The order is paid or confirmed: the held stock is sold.</summary>
    Confirm = 0,
    /// <summary>The order is unpaid past its deadline, cancelled, or was never stored: put the stock back.</summary>
    Release = 1,
}
