namespace AgriLink.Grains.Assemblies;

/// <summary>The key of one assembly (meeting) of a cooperative: <c>coop-pzcili:asm-…</c>.</summary>
public readonly record struct AssemblyKey(string CooperativeId, string AssemblyId)
{
    public override string ToString() => $"{CooperativeId}:{AssemblyId}";

    public static AssemblyKey Parse(string key)
    {
        var colon = key.LastIndexOf(':');
        if (colon <= 0 || colon == key.Length - 1)
            throw new FormatException($"'{key}' is not an assembly key (coop-id:assembly-id).");
        return new AssemblyKey(key[..colon], key[(colon + 1)..]);
    }
}
