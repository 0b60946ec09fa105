namespace AgriLink.Grains.Directory;

[GenerateSerializer, Immutable, Alias("AgriLink.DirectoryEntry")]
public sealed record DirectoryEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string CountyCode,
    [property: Id(3)] string? ParentId = null,
    [property: Id(4)] string? Status = null);
