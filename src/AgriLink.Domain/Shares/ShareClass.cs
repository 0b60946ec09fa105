namespace AgriLink.Domain.Shares;

/// <summary>What a share was formed from, in the terms of the 三变 reform.</summary>
[GenerateSerializer, Alias("AgriLink.ShareClass")]
public enum ShareClass
{
    /// <summary>土地经营权: land-management right contributed as capital.</summary>
    LandRight = 0,
    /// <summary>林权: forest right.</summary>
    ForestRight = 1,
    /// <summary>集体资产: quantified collective assets.</summary>
    CollectiveAsset = 2,
    /// <summary>资金变股金: quantified state funds; formed from subsidies, so never transferable.</summary>
    FiscalFund = 3,
    /// <summary>特惠贷: a share bought with a household's subsidised poverty loan.</summary>
    LoanBacked = 4,
    Cash = 5,
    EnterpriseInvestment = 6,
    /// <summary>劳务/技术入股.</summary>
    LabourSkill = 7,
}
