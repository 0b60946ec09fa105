namespace AgriLink.Grains.Quotas;

/// <summary>How a purchase relates to the budget unit whose quota it counts toward.</summary>
[GenerateSerializer, Alias("AgriLink.QuotaChannel")]
public enum QuotaChannel
{
    /// <summary>The unit's own (canteen) purchase.</summary>
    Own = 0,
    /// <summary>Its union's purchase.</summary>
    Union = 1,
    /// <summary>An employee's personal purchase.</summary>
    Employee = 2,
}

/// <summary>
/// One completed purchase counted toward a budget unit's quota; idempotent by <see cref="Reference"/> (the order and
/// sub-order). Only <see cref="CertifiedAmountFen"/> (扶贫产品认定 products) counts toward the reserve.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.QuotaPurchase")]
public sealed record QuotaPurchase(
    [property: Id(0)] string Reference,
    [property: Id(1)] string PurchaserBuyerId,
    [property: Id(2)] QuotaChannel Channel,
    [property: Id(3)] long CertifiedAmountFen,
    [property: Id(4)] long TotalAmountFen,
    [property: Id(5)] DateOnly Date);
