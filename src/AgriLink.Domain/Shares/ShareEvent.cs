using System.Text.Json.Serialization;

namespace AgriLink.Domain.Shares;

/// <summary>
/// One entry of the register's history, and of the audit trail posted for public notice (公示):
/// numbered from 1 without gaps, dated with the day it takes effect, signed by who recorded it and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ShareEvent")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SharesIssued), "issued")]
[JsonDerivedType(typeof(SharesTransferred), "transferred")]
[JsonDerivedType(typeof(WithdrawalNoticed), "withdrawal-noticed")]
[JsonDerivedType(typeof(SharesWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(PreferredConverted), "preferred-converted")]
[JsonDerivedType(typeof(PreferredReassigned), "preferred-reassigned")]
public abstract record ShareEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Reason);
