namespace AgriLink.Storage;

/// <summary>Grain storage names in one place, for <c>[PersistentState("...", StorageNames.Main)]</c>.</summary>
public static class StorageNames
{
    public const string Main = "agrilink";
}
