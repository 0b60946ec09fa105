namespace AgriLink.Grains.Directory;

/// <summary>
/// The list of one kind of aggregate (key: a <see cref="DirectoryKinds"/> value), kept by the
/// aggregates themselves so the API can page through them without scanning storage.
/// </summary>
[Alias("AgriLink.IDirectoryGrain")]
public interface IDirectoryGrain : IGrainWithStringKey
{
    [Alias("Upsert")] Task Upsert(DirectoryEntry entry);
    [Alias("List")] Task<IReadOnlyList<DirectoryEntry>> List();
    [Alias("Count")] Task<int> Count();
}
