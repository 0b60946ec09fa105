namespace AgriLink.Grains.Households;

/// <summary>
/// The household's pending job after it exits poverty: its preferred shares in every cooperative are to be converted or
/// reassigned (谁贫困谁享受). Recorded with the status change in one write, retried (a reminder) until done; while it is
/// here the release has not finished. <see cref="LastError"/> is the last attempt's failure, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PreferredRelease")]
public sealed record PreferredRelease(
    [property: Id(0)] DateTimeOffset RequestedAt,
    [property: Id(1)] string RequestedBy,
    [property: Id(2)] string AuditActor,
    /// <summary>Failed attempts so far.</summary>
    [property: Id(3)] int Attempts = 0,
    [property: Id(4)] string? LastError = null);
