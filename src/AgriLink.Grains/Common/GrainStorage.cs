using AgriLink.Storage;

namespace AgriLink.Grains.Common;

/// <summary>The grain storage provider every AgriLink grain persists through (registered by the host).</summary>
public static class GrainStorage
{
    public const string Main = StorageNames.Main;
}
