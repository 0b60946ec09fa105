namespace AgriLink.Domain.Monitoring;

/// <summary>Where a household's income in a year came from: what the platform saw flow, or what was declared.</summary>
[GenerateSerializer, Alias("AgriLink.IncomeSource")]
public enum IncomeSource
{
    /// <summary>Sales recorded as member trade of its cooperatives (the marketplace's and the cooperative's own).</summary>
    MemberTrade = 0,
    /// <summary>Dividends paid on its shares (三变).</summary>
    Dividends = 1,
    /// <summary>Guaranteed floors (保底分红) paid on its preferred shares.</summary>
    GuaranteedFloor = 2,
    /// <summary>Offtake floor-price top-ups (订单农业保底收购).</summary>
    OfftakeTopUp = 3,
    /// <summary>Declared: wages (务工收入).</summary>
    Wages = 10,
    /// <summary>Declared: transfers (转移性收入: pensions, subsidies, assistance).</summary>
    Transfers = 11,
    /// <summary>Declared: other production and business income.</summary>
    OtherProduction = 12,
}

/// <summary>Large, rigid expenses (刚性支出) that can push a household back under the line.</summary>
[GenerateSerializer, Alias("AgriLink.RigidExpense")]
public enum RigidExpense
{
    /// <summary>Medical costs paid out of pocket after insurance.</summary>
    Medical = 0,
    Education = 1,
    /// <summary>Losses from natural disasters or accidents.</summary>
    DisasterLoss = 2,
}

public static class IncomeSources
{
    /// <summary>Sources the platform records itself (as opposed to those declared by the household or its cadre).</summary>
    public static bool IsPlatform(this IncomeSource source) => source < IncomeSource.Wages;
}
