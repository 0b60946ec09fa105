using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Listings;

/// <summary>
/// 扶贫产品认定: the platform's approval that a product comes from a formerly poor area and benefits poor
/// households, under an approval number issued on <see cref="ApprovedOn"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.PovertyCertification")]
public sealed record PovertyCertification(
    [property: Id(0)] string CertificateNumber,
    [property: Id(1)] DateOnly ApprovedOn)
{
    /// <summary>The national poverty-alleviation product certification began in 2019.</summary>
    public static readonly DateOnly FirstApprovals = new(2019, 1, 1);

    public void Validate(DateOnly today) =>
        new Validator()
            .Text("certificateNumber", CertificateNumber, 50)
            .Check(ApprovedOn >= FirstApprovals && ApprovedOn <= today, "approvedOn", $"must be between {FirstApprovals:yyyy-MM-dd} and today.")
            .ThrowIfInvalid();

    public PovertyCertification Normalized() => this with { CertificateNumber = CertificateNumber.Trim() };
}
