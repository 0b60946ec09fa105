namespace AgriLink.Domain.Assemblies;

[GenerateSerializer, Alias("AgriLink.AssemblyStatus")]
public enum AssemblyStatus
{
    /// <summary>Called: online voting runs, or the held meeting's record is awaited.</summary>
    Open = 0,
    /// <summary>Counted; every resolution has its outcome.</summary>
    Closed = 1,
}
