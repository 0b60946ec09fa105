using System.Text.Json;
using AgriLink.Domain.Shares;
using AgriLink.Grains.Common;
using AgriLink.Storage;
using AgriLink.Storage.Changes;
using AgriLink.Storage.Projections;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>
/// A share register's history as rows of <c>share_events</c> (an entry per row, the entry as JSON): the rows a write
/// appends, and reading them back by number (keyset on the sequence) or up to a date (to replay the register as it stood).
/// </summary>
public sealed class ShareHistory(AgriLinkDatabase database)
{
    /// <summary>The meta key stamped once every stored register's history is rows.</summary>
    public const string UpgradedKey = "share-register.rows";

    public static ProjectionWrite Row(string cooperativeId, ShareEvent e) =>
        ProjectionTables.ShareEvents.Upsert(cooperativeId, e.Sequence, e.Date, e.GetType().Name, JsonSerializer.Serialize(e, RowJson.Options));

    /// <summary>Up to <paramref name="limit"/> entries numbered after <paramref name="afterSequence"/>, in order.</summary>
    public async Task<IReadOnlyList<ShareEvent>> After(string cooperativeId, long afterSequence, int limit)
    {
        await using var connection = await database.OpenAsync();
        return Read(await connection.QueryAsync<string>(
            "SELECT document FROM share_events WHERE cooperative_id = @cooperativeId AND sequence > @afterSequence ORDER BY sequence LIMIT @limit",
            new { cooperativeId, afterSequence, limit = (long)Math.Max(0, limit) }));
    }

    /// <summary>Every entry dated on or before <paramref name="date"/>, in order: the register's history up to that day.</summary>
    public async Task<IReadOnlyList<ShareEvent>> UpTo(string cooperativeId, DateOnly date)
    {
        await using var connection = await database.OpenAsync();
        return Read(await connection.QueryAsync<string>(
            "SELECT document FROM share_events WHERE cooperative_id = @cooperativeId AND event_date <= @date ORDER BY sequence",
            new { cooperativeId, date = database.Dialect.ToDbDate(date) }));
    }

    private static List<ShareEvent> Read(IEnumerable<string> documents) =>
        documents.Select(d => JsonSerializer.Deserialize<ShareEvent>(d, RowJson.Options)
                              ?? throw new InvalidDataException("A share register entry read as null.")).ToList();
}
