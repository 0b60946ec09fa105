namespace AgriLink.Web.Pages.Operator;

/// <summary>Everything the impact dashboard shows, read at one request.</summary>
public sealed record ImpactFigures(
    IReadOnlyList<CountyImpact> Counties, IReadOnlyList<HouseholdReach> Households, IReadOnlyList<QuotaCompliance> Quotas, int Year,
    int QuotaUnits = 0, int QuotasMet = 0)
{
    public long SalesFen => Counties.Sum(c => c.SalesFen);
    public long CertifiedSalesFen => Counties.Sum(c => c.CertifiedSalesFen);
    public int CertifiedSalesBasisPoints => Domain.Quotas.Quota.BasisPointsOf(CertifiedSalesFen, SalesFen);
}
