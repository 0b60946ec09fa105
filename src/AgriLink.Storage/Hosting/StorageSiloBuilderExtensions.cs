using AgriLink.Storage.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Hosting;

namespace AgriLink.Storage.Hosting;

public static class StorageSiloBuilderExtensions
{
    /// <summary>Configuration section bound to Orleans' <see cref="ReminderOptions"/>, e.g. <c>Orleans:Reminders:MinimumReminderPeriod</c>.</summary>
    public const string RemindersSection = "Orleans:Reminders";

    /// <summary>
    /// Grain storage <see cref="StorageNames.Main"/> and durable reminders, both over the AgriLink database, with the
    /// schema ensured at silo start. Pass <paramref name="database"/> unless the host already called <c>AddAgriLinkDatabase</c>.
    /// Reminder options come from <see cref="RemindersSection"/>, then <paramref name="reminders"/> (tests use it to
    /// allow periods shorter than Orleans' one-minute default).
    /// </summary>
    public static ISiloBuilder AddAgriLinkStorage(
        this ISiloBuilder builder,
        Func<IServiceProvider, AgriLinkDatabase>? database = null,
        Action<ReminderOptions>? reminders = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAgriLinkGrainStorage(database);

        builder.AddReminders();
        builder.Services.TryAddSingleton<IReminderTable, RelationalReminderTable>();
        var options = builder.Services.AddOptions<ReminderOptions>();
        if (builder.Configuration is { } configuration)
        {
            options.Bind(configuration.GetSection(RemindersSection));
        }

        if (reminders is not null)
        {
            options.Configure(reminders);
        }

        return builder;
    }
}
