namespace AgriLink.Domain.Assemblies;

[GenerateSerializer, Alias("AgriLink.AssemblyMode")]
public enum AssemblyMode
{
    /// <summary>Members vote from their phones during a window; each member once, changeable until it closes.</summary>
    Online = 0,
    /// <summary>A meeting held in the village; the admin records attendance, the hand-count per resolution and the minutes.</summary>
    Held = 1,
}
