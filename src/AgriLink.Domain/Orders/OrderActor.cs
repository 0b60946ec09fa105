namespace AgriLink.Domain.Orders;

/// <summary>The account behind a transition, recorded in the order's history.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.OrderActor")]
public sealed record OrderActor(
    [property: Id(0)] ActorRole Role,
    [property: Id(1)] string Name,
    [property: Id(2)] string? CooperativeId = null)
{
    public static OrderActor System(string name) => new(ActorRole.System, name);
}
