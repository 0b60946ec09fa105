namespace AgriLink.Domain.Orders;

/// <summary>
/// Who carries a shipped sub-order: the couriers Chinese buyers know (快递/物流), or the cooperative's own vehicle
/// (自有车辆), which has no tracking number but a delivery date.
/// </summary>
[GenerateSerializer, Alias("AgriLink.Carrier")]
public enum Carrier
{
    SfExpress = 0,
    ChinaPostEms = 1,
    JdLogistics = 2,
    Zto = 3,
    Yto = 4,
    Sto = 5,
    Yunda = 6,
    JtExpress = 7,
    Deppon = 8,
    OwnVehicle = 9,
}
