using AgriLink.Domain.Errors;

namespace AgriLink.Grains.Listings;

/// <summary>
/// A rule's refusal carried as an answer instead of thrown: in a flash sale most requests are refused, and an exception
/// per refusal, rethrown at every grain call and middleware on its way out, cost more than the orders that were granted.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Refusal")]
public sealed record Refusal(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] bool Unprocessable)
{
    public static Refusal Of(RuleViolationException e) => new(e.Code, e.Message, e.Unprocessable);

    /// <summary>The exception the throwing API raises for it (created, not thrown).</summary>
    public RuleViolationException ToException() => new(Code, Message, Unprocessable);
}

/// <summary>What <see cref="IListingGrain.TryReserve"/> answers: the held line, or why none was held.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ReserveOutcome")]
public sealed record ReserveOutcome(
    [property: Id(0)] ReservedLine? Line,
    [property: Id(1)] Refusal? Refused);
