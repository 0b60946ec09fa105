using System.Globalization;

namespace AgriLink.Grains.Projections;

/// <summary>Times as the engines hand them back: ISO text (SQLite) or a UTC time (PostgreSQL).</summary>
internal static class Timestamps
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static DateTimeOffset Instant(object value) => value switch
    {
        DateTimeOffset at => at,
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        _ => DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
    };

    /// <summary>The instant in China time, as the platform shows every time.</summary>
    public static DateTimeOffset China(object value) => Instant(value).ToOffset(ChinaTime);

    public static int ChinaYear(object value) => China(value).Year;
}
