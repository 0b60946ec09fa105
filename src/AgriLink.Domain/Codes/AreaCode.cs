namespace AgriLink.Domain.Codes;

/// <summary>
/// An area of the 统计用区划代码 (the statistical division codes that extend GB/T 2260 below the county): 6 digits a
/// county, 9 a township (乡镇、街道), 12 a village (村、社区). Each level begins with the code of the level above, so an
/// area covers a village exactly when the village's code begins with the area's.
/// </summary>
public static class AreaCode
{
    public const int County = 6;
    public const int Township = 9;
    public const int Village = 12;

    /// <summary>A province's code (GB/T 2260's first 2 digits) and a prefecture's (4): the regions above the county that dashboards sum over.</summary>
    public const int Province = 2, Prefecture = 4;

    /// <summary>A province's or prefecture's code: 2 or 4 ASCII digits.</summary>
    public static bool IsRegion(string? code) => code is { Length: Province or Prefecture } && code.All(char.IsAsciiDigit);

    /// <summary>A county's, township's or village's code: 6, 9 or 12 ASCII digits.</summary>
    public static bool IsArea(string? code) => code is { Length: County or Township or Village } && code.All(char.IsAsciiDigit);

    public static bool IsVillage(string? code) => code is { Length: Village } && IsArea(code);

    public static bool IsTownship(string? code) => code is { Length: Township } && IsArea(code);

    /// <summary>The township a village belongs to (its first 9 digits); null without a village code.</summary>
    public static string? TownshipOf(string? villageCode) => IsVillage(villageCode) ? villageCode![..Township] : null;

    /// <summary>True when <paramref name="area"/> is the village itself or a township or county that contains it.</summary>
    public static bool Covers(string area, string? villageCode) =>
        IsArea(area) && IsVillage(villageCode) && villageCode!.StartsWith(area, StringComparison.Ordinal);
}
