namespace AgriLink.Grains.Tests;

/// <summary>
/// Platform time that starts at a chosen instant and then runs at real speed. Date rules see a known
/// "today", while Orleans' own timers (which share the silo's <see cref="TimeProvider"/>) keep working.
/// </summary>
public sealed class AnchoredClock(DateTimeOffset anchor) : TimeProvider
{
    private readonly long _started = TimeProvider.System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => anchor + TimeProvider.System.GetElapsedTime(_started);
}
