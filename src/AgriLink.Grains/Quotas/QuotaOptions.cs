using AgriLink.Domain.Quotas;

namespace AgriLink.Grains.Quotas;

/// <summary>
/// Reserve-rate floors from configuration, on top of the known table (<see cref="ReserveRates.KnownFloors"/>):
/// <c>Quotas:ReserveRates:{region-code prefix} = basis points</c>, e.g. <c>Quotas:ReserveRates:52 = 1500</c> for a
/// Guizhou rule of 15%. A prefix of 2, 4 or 6 digits names a province, city or county; the longest match wins.
/// </summary>
public sealed class QuotaOptions
{
    public const string Section = "Quotas";

    public Dictionary<string, int> ReserveRates { get; set; } = new(StringComparer.Ordinal);

    /// <exception cref="Domain.Errors.ValidationFailedException">An entry is malformed or below the national floor.</exception>
    public ReserveRates Table() => Domain.Quotas.ReserveRates.WithOverrides(ReserveRates);
}
