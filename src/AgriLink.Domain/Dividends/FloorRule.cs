using AgriLink.Domain.Errors;
using AgriLink.Domain.Shares;

namespace AgriLink.Domain.Dividends;

/// <summary>
/// A charter's floor for one share class. <see cref="Value"/> is fen per mu for <see cref="FloorKind.PerMu"/>
/// and <see cref="FloorKind.CoordinationFeePerMu"/>, basis points otherwise. A percent-of-principal rule
/// may instead step by holding year: year n uses <c>StepRatesBp[n-1]</c>, and later years the last rate.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.FloorRule")]
public sealed record FloorRule(
    [property: Id(0)] ShareClass ShareClass,
    [property: Id(1)] FloorKind Kind,
    [property: Id(2)] long Value,
    [property: Id(3)] IReadOnlyList<int>? StepRatesBp = null)
{
    private const long MaxFenPerMu = 10_000_000;

    /// <summary>A coordination fee moves money from the holder to the village collective; it is not a floor.</summary>
    public bool IsDeduction => Kind == FloorKind.CoordinationFeePerMu;

    public bool Steps => StepRatesBp is { Count: > 0 };

    public int RateBpFor(int holdingYear) =>
        StepRatesBp is { Count: > 0 } steps ? steps[Math.Clamp(holdingYear, 1, steps.Count) - 1] : (int)Value;

    internal void Validate(Validator v, string field)
    {
        v.Check(Enum.IsDefined(ShareClass), $"{field}.shareClass", "is not a known share class.")
            .Check(Enum.IsDefined(Kind), $"{field}.kind", "is not a known floor kind.");
        if (Kind is FloorKind.PerMu or FloorKind.CoordinationFeePerMu)
            v.Range($"{field}.value", Value, 0, MaxFenPerMu);
        else if (!Steps)
            v.Range($"{field}.value", Value, 0, 10_000);
        v.Check(StepRatesBp is null || Kind == FloorKind.PercentOfPrincipal, $"{field}.stepRatesBp",
                "is only for percent-of-principal floors.")
            .Check(StepRatesBp is null || StepRatesBp.All(r => r is >= 0 and <= 10_000), $"{field}.stepRatesBp",
                "must each be between 0 and 10000 basis points.");
    }
}
