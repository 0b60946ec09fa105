namespace AgriLink.Domain.Shares;

/// <summary>
/// One entry of the register's history, and of the audit trail posted for public notice (公示):
/// numbered from 1 without gaps, dated with the day it takes effect, signed by who recorded it and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ShareEvent")]
public abstract record ShareEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Reason);
