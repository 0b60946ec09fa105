using System.Collections.Frozen;
using AgriLink.Domain.Errors;

namespace AgriLink.Domain.Quotas;

/// <summary>
/// Reserve-rate floors for budget units' canteen food purchasing from formerly poor areas, in basis points
/// (10% = 1000), keyed by administrative-code prefix: 2 digits for a province, 4 for a prefecture-level city,
/// 6 for a county. The longest matching prefix wins, so a city with its own rule (Shenzhen, a 计划单列市 with
/// its own budget) takes its rate instead of its province's, even when the city's rate is lower.
/// Every floor is at least the national one.
/// </summary>
public sealed class ReserveRates
{
    /// <summary>The national floor: at least 10% of annual canteen food purchasing.</summary>
    public const int NationalFloorBasisPoints = 1000;

    /// <summary>15% is encouraged nationally, but not required.</summary>
    public const int EncouragedBasisPoints = 1500;

    public const int MaxBasisPoints = 10_000;

    /// <summary>The figures the platform knows; others fall back to the national floor.</summary>
    public static readonly IReadOnlyDictionary<string, int> KnownFloors = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["11"] = 3000,   // 北京市
        ["36"] = 3000,   // 江西省
        ["44"] = 3000,   // 广东省
        ["4403"] = 2000, // 深圳市
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, int> _floors;

    private ReserveRates(IReadOnlyDictionary<string, int> floors) => _floors = floors.ToFrozenDictionary(StringComparer.Ordinal);

    public static ReserveRates Default { get; } = new(KnownFloors);

    public IReadOnlyDictionary<string, int> Floors => _floors;

    /// <summary>
    /// The known table with <paramref name="overrides"/> replacing or adding entries (from configuration).
    /// </summary>
    /// <exception cref="ValidationFailedException">A prefix is not 2, 4 or 6 digits, or a rate is outside national floor..100%.</exception>
    public static ReserveRates WithOverrides(IReadOnlyDictionary<string, int>? overrides)
    {
        var floors = new Dictionary<string, int>(KnownFloors, StringComparer.Ordinal);
        var v = new Validator();
        foreach (var (prefix, basisPoints) in overrides ?? new Dictionary<string, int>())
        {
            var field = $"reserveRates:{prefix}";
            v.Check(IsPrefix(prefix), field, "must be keyed by a 2-, 4- or 6-digit administrative-code prefix.")
             .Range(field, basisPoints, NationalFloorBasisPoints, MaxBasisPoints);
            floors[prefix] = basisPoints;
        }
        v.ThrowIfInvalid();
        return new(floors);
    }

    /// <summary>The floor for a 6-digit region code: its county's, city's or province's rule, else the national floor.</summary>
    public ReserveRateFloor FloorFor(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        foreach (var length in (ReadOnlySpan<int>)[6, 4, 2])
        {
            if (regionCode.Length < length) continue;
            var prefix = regionCode[..length];
            if (_floors.TryGetValue(prefix, out var basisPoints)) return new(prefix, basisPoints);
        }
        return new("", NationalFloorBasisPoints);
    }

    private static bool IsPrefix(string prefix) => prefix.Length is 2 or 4 or 6 && prefix.All(char.IsAsciiDigit);
}
