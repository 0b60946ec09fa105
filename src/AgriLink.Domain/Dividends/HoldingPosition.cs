using AgriLink.Domain.Shares;

namespace AgriLink.Domain.Dividends;

/// <summary>
/// A holding as the year-end distribution sees it. <see cref="HoldingYear"/> is 1 in the fiscal year the
/// holding was issued, for floors that step up by year; <see cref="FundId"/> keeps fiscal funds traceable.
/// </summary>
[GenerateSerializer, Immutable, Alias("AgriLink.HoldingPosition")]
public sealed record HoldingPosition(
    [property: Id(0)] string HoldingId,
    [property: Id(1)] string ShareholderId,
    [property: Id(2)] ShareholderKind ShareholderKind,
    [property: Id(3)] ShareClass ShareClass,
    [property: Id(4)] long Shares,
    [property: Id(5)] long AreaMilliMu,
    [property: Id(6)] long PrincipalFen,
    [property: Id(7)] int HoldingYear,
    [property: Id(8)] bool Preferred,
    [property: Id(9)] string? FundId = null)
{
    public static HoldingPosition From(Holding holding, int fiscalYear, int fiscalYearEndMonth)
    {
        ArgumentNullException.ThrowIfNull(holding);
        return new(holding.HoldingId, holding.ShareholderId, holding.ShareholderKind, holding.ShareClass, holding.Shares,
            holding.AreaMilliMu, holding.ValuationFen, FiscalCalendar.HoldingYear(holding.IssuedOn, fiscalYear, fiscalYearEndMonth),
            holding.Preferred, holding.FundId);
    }

    /// <summary>The register's positions at the close of <paramref name="fiscalYear"/>, ready to distribute.</summary>
    public static IReadOnlyList<HoldingPosition> AtYearEnd(ShareRegister register, int fiscalYear)
    {
        ArgumentNullException.ThrowIfNull(register);
        var yearEnd = FiscalCalendar.YearEnd(fiscalYear, register.FiscalYearEndMonth);
        return register.PositionsAt(yearEnd).Select(h => From(h, fiscalYear, register.FiscalYearEndMonth)).ToArray();
    }
}
