namespace AgriLink.Domain.Shares;

/// <summary>
/// Fiscal years end on the last day of the charter's year-end month; a fiscal year is named by the
/// calendar year it ends in.
/// </summary>
public static class FiscalCalendar
{
    public static DateOnly YearEnd(int fiscalYear, int endMonth) =>
        new(fiscalYear, endMonth, DateTime.DaysInMonth(fiscalYear, endMonth));

    /// <summary>The first fiscal year end on or after <paramref name="date"/>.</summary>
    public static DateOnly YearEndOf(DateOnly date, int endMonth)
    {
        var end = YearEnd(date.Year, endMonth);
        return end >= date ? end : YearEnd(date.Year + 1, endMonth);
    }

    /// <summary>
    /// The last day a notice of <paramref name="months"/> months can be given for <paramref name="yearEnd"/>:
    /// whole calendar months must remain, so for 31 December and 3 months it is 30 September.
    /// </summary>
    public static DateOnly NoticeDeadline(DateOnly yearEnd, int months) =>
        yearEnd.AddDays(1).AddMonths(-months).AddDays(-1);

    /// <summary>1 for the fiscal year a holding was issued in, 2 for the next, and so on; 0 or less if not yet issued.</summary>
    public static int HoldingYear(DateOnly issuedOn, int fiscalYear, int endMonth) =>
        fiscalYear - YearEndOf(issuedOn, endMonth).Year + 1;
}
