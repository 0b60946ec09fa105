namespace AgriLink.Grains.Common;

/// <summary>Dates in the platform are China Standard Time (UTC+8, no daylight saving), wherever a silo runs.</summary>
public static class ChinaClock
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.Now().DateTime);
}
