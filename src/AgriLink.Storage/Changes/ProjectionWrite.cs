namespace AgriLink.Storage.Changes;

/// <summary>One change to a read-model table, written in the transaction of the grain state it was derived from.</summary>
public abstract record ProjectionWrite(ProjectionTable Table)
{
    /// <summary>Inserts the row or overwrites the one with the same key.</summary>
    public sealed record UpsertRow : ProjectionWrite
    {
        public UpsertRow(ProjectionTable table, IReadOnlyList<object?> values) : base(table)
        {
            if (values.Count != table.Columns.Count)
                throw new ArgumentException($"'{table.Name}' has {table.Columns.Count} columns; {values.Count} values were given.", nameof(values));
            Values = values;
        }

        public IReadOnlyList<object?> Values { get; }
    }

    /// <summary>Deletes every row whose <see cref="Column"/> equals <see cref="Value"/>.</summary>
    public sealed record DeleteRows : ProjectionWrite
    {
        public DeleteRows(ProjectionTable table, string column, object value) : base(table)
        {
            if (!table.Columns.Contains(column)) throw new ArgumentException($"'{table.Name}' has no column '{column}'.", nameof(column));
            Column = column;
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public string Column { get; }

        public object Value { get; }
    }
}
