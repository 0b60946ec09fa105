using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Shares;

/// <summary>
/// One entry of the share register (股权证): a block of shares of one class held by one shareholder.
/// <see cref="Land"/> is the source of land and forest rights; <see cref="FundId"/> names the fiscal fund
/// or poverty loan that formed a FiscalFund or LoanBacked share, so every fen stays traceable to it.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.Holding")]
public sealed record Holding(
    [property: Id(0)] string HoldingId,
    [property: Id(1)] string ShareholderId,
    [property: Id(2)] ShareholderKind ShareholderKind,
    [property: Id(3)] ShareClass ShareClass,
    [property: Id(4)] long Shares,
    [property: Id(5)] long ValuationFen,
    [property: Id(6)] DateOnly IssuedOn,
    [property: Id(7)] string CertificateNo,
    [property: Id(8)] bool Preferred = false,
    [property: Id(9)] LandParcel? Land = null,
    [property: Id(10)] string? FundId = null)
{
    /// <summary>Formed from state subsidies: quantified fiscal funds and poor-household preferred shares.</summary>
    public bool IsSubsidyFormed => ShareClass == ShareClass.FiscalFund || Preferred;

    public bool IsRightBased => ShareClass is ShareClass.LandRight or ShareClass.ForestRight;

    public long AreaMilliMu => Land?.AreaMilliMu ?? 0;

    public void Validate()
    {
        var v = new Validator()
            .Text("holdingId", HoldingId, 100)
            .Text("shareholderId", ShareholderId, 40)
            .Check(Enum.IsDefined(ShareholderKind), "shareholderKind", "is not a known shareholder kind.")
            .Check(Enum.IsDefined(ShareClass), "shareClass", "is not a known share class.")
            .Check(Shares > 0, "shares", "must be more than zero.")
            .Check(ValuationFen >= 0, "valuationFen", "must not be negative.")
            .Text("certificateNo", CertificateNo, 60)
            .PlausibleDate("issuedOn", IssuedOn)
            .Check(!Preferred || ShareholderKind == ShareholderKind.Household, "preferred",
                "only households can hold poor-household preferred shares.")
            .Check(!Preferred || !IsRightBased, "preferred",
                "land and forest rights stay with their household and cannot be preferred shares.")
            .Check(Land is not null || !IsRightBased, "land", "is required for land and forest rights.")
            .Check(Land is null || IsRightBased, "land", "is only for land and forest rights.")
            .Check(FundId is null || ShareClass is ShareClass.FiscalFund or ShareClass.LoanBacked, "fundId",
                "is only for fiscal-fund and loan-backed shares.")
            .Text("fundId", FundId, 40, required: ShareClass is ShareClass.FiscalFund or ShareClass.LoanBacked);
        if (Land is not null)
            v.Text("land.parcelNo", Land.ParcelNo, 40)
                .Check(Land.AreaMilliMu > 0, "land.areaMilliMu", "must be more than zero.")
                .Check(Land.LeaseEnd > Land.LeaseStart, "land.leaseEnd", "must be after the lease start.");
        v.ThrowIfInvalid();
    }
}
