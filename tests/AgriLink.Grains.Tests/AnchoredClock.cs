namespace AgriLink.Grains.Tests;

/// <summary>
/// Platform time that starts at a chosen instant and then runs at real speed. Date rules see a known
/// "today", while Orleans' own timers (which share the silo's <see cref="TimeProvider"/>) keep working.
/// </summary>
public sealed class AnchoredClock(DateTimeOffset anchor) : TimeProvider
{
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private long _advancedTicks;

    public override DateTimeOffset GetUtcNow() =>
        anchor + TimeSpan.FromTicks(Interlocked.Read(ref _advancedTicks)) + TimeProvider.System.GetElapsedTime(_started);

    /// <summary>
    /// Moves the wall clock forward (days that pass between a public notice and payment). Timestamps, which
    /// Orleans measures its timers with, are left alone. Only for a fixture whose tests all read the date from the clock.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _advancedTicks, by.Ticks);
    }
}
