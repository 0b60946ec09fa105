namespace AgriLink.Web.Apis;

/// <summary>Stock on hand, in the listing's unit (at most three decimals).</summary>
public sealed record SetStockRequest(decimal Stock);
