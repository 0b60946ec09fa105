namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>A data folder of its own under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("agrilink-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (SQLite pool, key ring) must not fail the test; the OS cleans temp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
