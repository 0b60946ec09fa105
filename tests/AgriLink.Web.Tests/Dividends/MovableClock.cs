namespace AgriLink.Web.Tests.Dividends;

/// <summary>
/// Platform time starting at a chosen instant and running at real speed; <see cref="Advance"/> moves the date on
/// (the days of a public notice) without waiting. Only the wall clock moves: timestamps, which Orleans and the
/// runtime measure timers and timeouts with, stay on the system clock.
/// </summary>
public sealed class MovableClock(DateTimeOffset anchor) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();
    private long _advancedTicks;

    public static MovableClock StartingNow() => new(System.GetUtcNow());

    public override DateTimeOffset GetUtcNow() =>
        anchor + System.GetElapsedTime(_started) + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _advancedTicks, by.Ticks);
    }

    /// <summary>The platform's date: China Standard Time, as the grains reckon it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
