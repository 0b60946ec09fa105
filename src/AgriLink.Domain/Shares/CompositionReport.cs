namespace AgriLink.Domain.Shares;

/// <summary>
/// Membership composition against law Art. 20. <see cref="FarmerShareBp"/> is rounded down for display;
/// the rules themselves are checked on exact integer counts.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.CompositionReport")]
public sealed record CompositionReport(
    [property: Id(0)] int Total,
    [property: Id(1)] int FarmerCount,
    [property: Id(2)] int FarmerShareBp,
    [property: Id(3)] int CorporateCount,
    [property: Id(4)] bool FarmerRuleHolds,
    [property: Id(5)] bool CorporateRuleHolds,
    [property: Id(6)] IReadOnlyList<string> Messages)
{
    public bool Compliant => FarmerRuleHolds && CorporateRuleHolds;
}
