namespace AgriLink.Domain.Assemblies;

/// <summary>What a member assembly (成员大会) decides. The special subjects need two thirds of all votes.</summary>
[GenerateSerializer, Alias("AgriLink.ResolutionSubject")]
public enum ResolutionSubject
{
    /// <summary>盈余分配方案: the year's surplus distribution plan (names its fiscal year).</summary>
    DistributionPlan = 0,
    /// <summary>亏损处理方案.</summary>
    LossPlan = 1,
    /// <summary>年度报告.</summary>
    AnnualReport = 2,
    /// <summary>选举和罢免理事长、理事、监事.</summary>
    Election = 3,
    /// <summary>修改章程.</summary>
    CharterAmendment = 4,
    /// <summary>合并.</summary>
    Merger = 5,
    /// <summary>分立.</summary>
    Split = 6,
    /// <summary>解散.</summary>
    Dissolution = 7,
    /// <summary>设立或加入联合社.</summary>
    Federation = 8,
    /// <summary>其他事项 (an ordinary resolution).</summary>
    Other = 9,
}
