namespace AgriLink.Domain.Buyers;

[GenerateSerializer, Alias("AgriLink.BuyerType")]
public enum BuyerType
{
    /// <summary>预算单位: buys for its canteen and carries the purchasing quota.</summary>
    BudgetUnit = 0,
    StateEnterprise = 1,
    /// <summary>工会: union purchases count toward its unit's quota.</summary>
    Union = 2,
    /// <summary>东西部协作 partner city or agency.</summary>
    EastWestPartner = 3,
    Company = 4,
    Individual = 5,
}
