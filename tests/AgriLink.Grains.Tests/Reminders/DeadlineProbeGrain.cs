using Orleans.Runtime;

namespace AgriLink.Grains.Tests.Reminders;

/// <summary>
/// On its first tick the probe unregisters its reminder (a deadline fires once), then tells the test which silo
/// delivered it through <see cref="DeadlineSignals"/>.
/// </summary>
public sealed class DeadlineProbeGrain(ILocalSiloDetails silo) : Grain, IDeadlineProbeGrain, IRemindable
{
    public const string ReminderName = "deadline";

    public Task Arm(TimeSpan dueIn, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueIn, period);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        DeadlineSignals.For(this.GetPrimaryKeyString()).TrySetResult(silo.SiloAddress);
    }
}
