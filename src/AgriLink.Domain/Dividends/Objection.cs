namespace AgriLink.Domain.Dividends;

/// <summary>A member's objection during the public notice; open until an admin resolves it.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Objection")]
public sealed record Objection(
    [property: Id(0)] string ObjectionId,
    [property: Id(1)] string MemberId,
    [property: Id(2)] DateOnly FiledOn,
    [property: Id(3)] string Text,
    [property: Id(4)] ObjectionOutcome? Outcome = null,
    [property: Id(5)] string? ResolvedBy = null,
    [property: Id(6)] DateOnly? ResolvedOn = null,
    [property: Id(7)] string? Resolution = null)
{
    public bool IsOpen => Outcome is null;
}
