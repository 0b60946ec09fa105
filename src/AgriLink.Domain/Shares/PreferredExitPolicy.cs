namespace AgriLink.Domain.Shares;

/// <summary>What the charter does with a poor household's preferred share once it exits poverty (谁贫困谁享受).</summary>
[GenerateSerializer, Alias("AgriLink.PreferredExitPolicy")]
public enum PreferredExitPolicy
{
    /// <summary>The household keeps the shares as an ordinary per-head share.</summary>
    ConvertToOrdinary = 0,
    /// <summary>The shares pass, split evenly, to the households still registered poor.</summary>
    ReassignToPoorHouseholds = 1,
}
