namespace AgriLink.Domain.Orders;

/// <summary>Who asks for an order transition; the state machine decides what each may do.</summary>
[GenerateSerializer, Alias("AgriLink.ActorRole")]
public enum ActorRole
{
    Buyer = 0,
    Cooperative = 1,
    Platform = 2,
    /// <summary>The platform itself: payment webhooks, expiring holds.</summary>
    System = 3,
}
