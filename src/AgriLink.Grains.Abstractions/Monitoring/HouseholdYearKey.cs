namespace AgriLink.Grains.Monitoring;

/// <summary>The key of one household's year: <c>hh-pz01:2025</c>.</summary>
public readonly record struct HouseholdYearKey(string HouseholdId, int Year)
{
    public override string ToString() => $"{HouseholdId}:{Year}";

    public static HouseholdYearKey Parse(string key)
    {
        var colon = key.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(key.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            throw new FormatException($"'{key}' is not a household year key (household-id:year).");
        return new HouseholdYearKey(key[..colon], year);
    }
}
