namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// One county's figures on the operator's dashboard: its cooperatives and their members, listings on sale and those
/// carrying 扶贫产品认定, and sales (sub-orders not cancelled or refunded) in fen.
/// </summary>
public sealed record CountyImpact(
    string CountyCode, string CountyName, bool DeepPoverty, int Cooperatives, int Members,
    int Listings, int CertifiedListings, int Orders, long SalesFen)
{
    public decimal CertifiedShare => Listings == 0 ? 0 : (decimal)CertifiedListings / Listings;
}
