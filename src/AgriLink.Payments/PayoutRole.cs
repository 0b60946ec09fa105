namespace AgriLink.Payments;

[GenerateSerializer, Alias("AgriLink.PayoutRole")]
public enum PayoutRole
{
    Cooperative,
    Enterprise,
    Collective,
}
