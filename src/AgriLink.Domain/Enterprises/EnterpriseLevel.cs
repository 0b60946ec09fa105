namespace AgriLink.Domain.Enterprises;

/// <summary>Recognition level of an agricultural industrialisation leading enterprise (农业产业化龙头企业).</summary>
[GenerateSerializer, Alias("AgriLink.EnterpriseLevel")]
public enum EnterpriseLevel
{
    National = 0,
    Provincial = 1,
    Municipal = 2,
}
