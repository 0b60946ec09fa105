using AgriLink.Domain.Quantities;

namespace AgriLink.Web.Apis;

/// <summary>One listing's part of a split, in the listing's unit (<see cref="Quantity"/>) and in the demand's (<see cref="DemandQuantity"/>).</summary>
public sealed record SplitLine(
    string ListingId,
    string CooperativeId,
    string Title,
    decimal Quantity,
    Unit Unit,
    long PriceFen,
    long AmountFen,
    decimal DemandQuantity,
    decimal Score);
