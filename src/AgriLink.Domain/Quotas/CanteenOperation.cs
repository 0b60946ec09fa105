namespace AgriLink.Domain.Quotas;

/// <summary>
/// How a budget unit feeds its staff. Either way its canteen food budget carries the reserve; with a
/// contracted caterer the caterer buys, so the unit names it to match the caterer's purchases to the unit.
/// Numbered from 1 so a value left out of a request is caught as undefined.
/// </summary>
[GenerateSerializer, Alias("AgriLink.CanteenOperation")]
public enum CanteenOperation
{
    /// <summary>自营食堂: the unit runs its canteen and buys itself.</summary>
    SelfRun = 1,
    /// <summary>承包/外包餐饮: a contracted caterer runs the canteen.</summary>
    Caterer = 2,
}
