namespace AgriLink.Grains.Directory;

[GenerateSerializer, Alias("AgriLink.DirectoryState")]
public sealed record DirectoryState
{
    [Id(0)] public Dictionary<string, DirectoryEntry> Entries { get; init; } = new(StringComparer.Ordinal);
}
