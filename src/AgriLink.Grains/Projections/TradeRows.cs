using AgriLink.Grains.Dividends;
using AgriLink.Storage;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>A cooperative-year's deliveries as rows of <c>member_trade</c>: the rows to append, and reading them back.</summary>
public sealed class TradeRows(AgriLinkDatabase database)
{
    /// <summary>The row of a delivery, the <paramref name="position"/>-th recorded in its cooperative-year (reads keep that order).</summary>
    public static ProjectionWrite Row(CooperativeYear key, int position, TradeRecord r) =>
        ProjectionTables.MemberTrade.Upsert(key.CooperativeId, (long)key.FiscalYear, r.Reference, (long)position, r.MemberId, r.AmountFen, r.Date,
            r.Source.ToString(), r.Note);

    /// <summary>The recorded deliveries among <paramref name="references"/> (to tell a replay from a new one).</summary>
    public async Task<IReadOnlyList<TradeRecord>> Find(CooperativeYear key, IReadOnlyCollection<string> references)
    {
        if (references.Count == 0) return [];
        await using var connection = await database.OpenAsync();
        var found = new List<TradeRecord>();
        // A season's import can name thousands: asked in chunks to stay inside every engine's parameter limit.
        foreach (var chunk in references.Chunk(500))
            found.AddRange((await connection.QueryAsync<TradeRow>(
                Select + " AND " + database.Dialect.InList("reference", "@references"), new { cooperativeId = key.CooperativeId, year = (long)key.FiscalYear, references = chunk }))
                .Select(r => r.ToRecord()));
        return found;
    }

    /// <summary>Every delivery of the cooperative-year, in the order recorded.</summary>
    public async Task<IReadOnlyList<TradeRecord>> All(CooperativeYear key)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<TradeRow>(Select + " ORDER BY position", new { cooperativeId = key.CooperativeId, year = (long)key.FiscalYear }))
            .Select(r => r.ToRecord()).ToList();
    }

    private const string Select =
        "SELECT reference AS Reference, member_id AS MemberId, amount_fen AS AmountFen, trade_date AS TradeDate, source AS Source, note AS Note " +
        "FROM member_trade WHERE cooperative_id = @cooperativeId AND fiscal_year = @year";

    private sealed class TradeRow
    {
        public string Reference { get; set; } = "";
        public string? MemberId { get; set; }
        public long AmountFen { get; set; }
        public object TradeDate { get; set; } = "";
        public string Source { get; set; } = "";
        public string? Note { get; set; }

        public TradeRecord ToRecord() => new(Reference, MemberId, AmountFen, ColumnValues.Date(TradeDate), Enum.Parse<TradeSource>(Source), Note);
    }
}
