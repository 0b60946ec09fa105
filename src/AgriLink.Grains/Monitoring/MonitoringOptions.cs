using AgriLink.Domain.Errors;
using AgriLink.Domain.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgriLink.Grains.Monitoring;

/// <summary>
/// 防返贫监测 settings: <c>Monitoring:Lines:{52 or national}:{year} = yuan</c> (the monitoring line per person per year;
/// the national ¥6,000 of 2021 is built in, provinces add theirs), <c>Monitoring:Warnings</c> (<see cref="WarningThresholds"/>)
/// and <c>Monitoring:TimeLimits</c> (<see cref="CaseTimeLimits"/>).
/// </summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    public Dictionary<string, Dictionary<string, decimal>> Lines { get; set; } = new(StringComparer.Ordinal);

    public WarningThresholds Warnings { get; set; } = new();

    public CaseTimeLimits TimeLimits { get; set; } = new();

    /// <exception cref="ValidationFailedException">A malformed line.</exception>
    public MonitoringLines LineTable() =>
        MonitoringLines.With(Lines.ToDictionary(l => l.Key, l => (IReadOnlyDictionary<string, decimal>)l.Value, StringComparer.Ordinal));
}

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="MonitoringOptions"/>, refuses to start with a malformed line table or thresholds, and builds the
    /// line table once for the process (readers take <see cref="MonitoringLines"/>, not the options).
    /// </summary>
    public static IServiceCollection AddMonitoringOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MonitoringOptions>>().Value.LineTable());
        services.AddOptions<MonitoringOptions>()
            .Bind(configuration.GetSection(MonitoringOptions.Section))
            .Validate(Valid, "Monitoring:Lines must map national or 2-digit province codes to years (2021–2100) and positive yuan; " +
                "Monitoring:Warnings must be within their ranges.")
            .ValidateOnStart();
        return services;
    }

    private static bool Valid(MonitoringOptions options)
    {
        try
        {
            options.LineTable();
            options.Warnings.Validate();
            return true;
        }
        catch (ValidationFailedException)
        {
            return false;
        }
    }
}
