namespace AgriLink.Storage.Projections;

/// <summary>
/// What a rebuild did: the states it read per state name, the rows it wrote per table, and the rows each table holds
/// after it. <see cref="Consistent"/> is true when every table holds exactly what was written.
/// </summary>
public sealed record RebuildReport(
    IReadOnlyDictionary<string, long> StatesRead,
    IReadOnlyDictionary<string, long> RowsWritten,
    IReadOnlyDictionary<string, long> RowsCounted,
    TimeSpan Elapsed)
{
    public bool Consistent => RowsWritten.All(w => RowsCounted.GetValueOrDefault(w.Key) == w.Value);
}
