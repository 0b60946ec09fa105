namespace AgriLink.Storage.Changes;

/// <summary>
/// A read-model table a projector writes: its name, key and columns. Statements are built from these fixed names only;
/// every value is a parameter. The DDL (types and indexes) lives in each dialect beside the other tables.
/// </summary>
public sealed class ProjectionTable
{
    public ProjectionTable(string name, IReadOnlyList<string> key, IReadOnlyList<string> columns)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (key.Count == 0 || key.Except(columns).Any())
            throw new ArgumentException($"The key of '{name}' must be among its columns.", nameof(key));
        Name = name;
        Key = key;
        Columns = columns;
    }

    public string Name { get; }

    public IReadOnlyList<string> Key { get; }

    public IReadOnlyList<string> Columns { get; }

    /// <summary>A row with one value per column, in <see cref="Columns"/> order.</summary>
    public ProjectionWrite Upsert(params object?[] values) => new ProjectionWrite.UpsertRow(this, values);

    /// <summary>Removes the rows whose <paramref name="column"/> equals <paramref name="value"/> (a grain's rows before they are written anew).</summary>
    public ProjectionWrite DeleteWhere(string column, object value) => new ProjectionWrite.DeleteRows(this, column, value);

    public override string ToString() => Name;
}
