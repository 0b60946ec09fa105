using AgriLink.Domain.Identifiers;

namespace AgriLink.Grains.Matching;

/// <summary>Demand ids: <c>dmd-</c> and ten random characters, like every other entity id.</summary>
public static class DemandIds
{
    public const string Prefix = "dmd";

    public static string New() => Ids.New(Prefix);

    public static bool IsValid(string? id) => Ids.IsValid(id, Prefix);
}
