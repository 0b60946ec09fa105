namespace AgriLink.Domain.Households;

/// <summary>A household's standing in the poverty-alleviation registers.</summary>
[GenerateSerializer, Alias("AgriLink.PovertyStatus")]
public enum PovertyStatus
{
    /// <summary>Never registered.</summary>
    NotPoor = 0,
    /// <summary>建档立卡贫困户: on the 2014 register of poor households.</summary>
    RegisteredPoor = 1,
    /// <summary>脱贫户: exited poverty, still followed for five years of the transition period.</summary>
    Exited = 2,
    /// <summary>监测户: monitored for risk of (re)falling into poverty.</summary>
    Monitored = 3,
}
