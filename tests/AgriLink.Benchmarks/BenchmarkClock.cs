namespace AgriLink.Benchmarks;

/// <summary>
/// The silo's <see cref="TimeProvider"/>: wall time starting at a chosen instant and running at real speed, so
/// the grains see a known "today" while Orleans' own timers (which share the provider) keep working.
/// <see cref="Advance"/> moves the date on, e.g. past the end of a public notice, without waiting for it.
/// Only <see cref="GetUtcNow"/> is shifted: timestamps and timers stay on the system clock.
/// </summary>
public sealed class BenchmarkClock(DateTimeOffset anchor) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();
    private long _advancedTicks;

    public override DateTimeOffset GetUtcNow() =>
        anchor + System.GetElapsedTime(_started) + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advancedTicks, by.Ticks);

    /// <summary>The platform's date: China Standard Time, as the grains reckon it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
