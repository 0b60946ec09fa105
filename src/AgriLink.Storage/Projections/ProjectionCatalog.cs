namespace AgriLink.Storage.Projections;

/// <summary>
/// The host's projection set: <see cref="Version"/> goes up whenever a projector or table changes what it holds, so a
/// database filled for another version is rebuilt once at start; <see cref="RetiredStates"/> names grain states that
/// projections replaced (their rows are deleted in the same upgrade).
/// </summary>
public sealed record ProjectionCatalog(int Version, IReadOnlyList<string> RetiredStates);
