namespace AgriLink.Web.Pages.Operator;

/// <summary>
/// One county's figures on the operator's dashboard: its cooperatives and their members, listings on sale and those
/// carrying 扶贫产品认定, and sales (sub-orders that count as sales, see <see cref="CountySales.IsSale"/>) in fen, with
/// the part bought as certified products (the certification at the moment of the order, not today's).
/// </summary>
public sealed record CountyImpact(
    string CountyCode, string CountyName, bool DeepPoverty, int Cooperatives, int Members,
    int Listings, int CertifiedListings, int Orders, long SalesFen, long CertifiedSalesFen = 0)
{
    public decimal CertifiedShare => Listings == 0 ? 0 : (decimal)CertifiedListings / Listings;

    /// <summary>The certified products' share of sales, in basis points (0 without sales).</summary>
    public int CertifiedSalesBasisPoints => Domain.Quotas.Quota.BasisPointsOf(CertifiedSalesFen, SalesFen);
}
