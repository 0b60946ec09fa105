using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Shares;

/// <summary>A request to move all or part of a holding to another shareholder under a new certificate.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.ShareTransfer")]
public sealed record ShareTransfer(
    [property: Id(0)] string HoldingId,
    [property: Id(1)] long Shares,
    [property: Id(2)] string ToShareholderId,
    [property: Id(3)] ShareholderKind ToShareholderKind,
    [property: Id(4)] string NewHoldingId,
    [property: Id(5)] string NewCertificateNo)
{
    public void Validate() =>
        new Validator()
            .Text("holdingId", HoldingId, 100)
            .Check(Shares > 0, "shares", "must be more than zero.")
            .Text("toShareholderId", ToShareholderId, 40)
            .Check(Enum.IsDefined(ToShareholderKind), "toShareholderKind", "is not a known shareholder kind.")
            .Text("newHoldingId", NewHoldingId, 100)
            .Text("newCertificateNo", NewCertificateNo, 60)
            .ThrowIfInvalid();
}
