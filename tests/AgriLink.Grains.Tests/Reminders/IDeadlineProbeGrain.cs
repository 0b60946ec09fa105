namespace AgriLink.Grains.Tests.Reminders;

/// <summary>A test grain that arms a one-shot deadline the way an order arms its stock-hold expiry.</summary>
[Alias("AgriLink.Grains.Tests.Reminders.IDeadlineProbeGrain")]
public interface IDeadlineProbeGrain : IGrainWithStringKey
{
    [Alias("Arm")]
    Task Arm(TimeSpan dueIn, TimeSpan period);
}
