using System.Globalization;

namespace AgriLink.Domain.Invoices;

/// <summary>The calendar month (China dates) an invoice covers, written <c>2026-11</c>.</summary>
[GenerateSerializer, Immutable, Alias("AgriLink.InvoicePeriod")]
public readonly record struct InvoicePeriod([property: Id(0)] int Year, [property: Id(1)] int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    public static bool TryParse(string? text, out InvoicePeriod period)
    {
        period = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return false;
        period = new(first.Year, first.Month);
        return true;
    }
}
