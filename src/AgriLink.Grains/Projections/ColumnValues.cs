using System.Globalization;

namespace AgriLink.Grains.Projections;

/// <summary>Values projectors write and queries read back where the engines differ: decimals as text, dates as each engine returns them.</summary>
internal static class ColumnValues
{
    /// <summary>A quantity as its invariant text, scale kept (2.50 stays 2.50), so it reads back exactly as the grain holds it.</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Decimal(object value) => value is decimal d ? d : decimal.Parse((string)value, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A date as read: yyyy-MM-dd text (SQLite) or a date (PostgreSQL; a DateTime where a provider widens it).</summary>
    public static DateOnly Date(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => DateOnly.Parse((string)value, CultureInfo.InvariantCulture),
    };
}
