using System.Globalization;
using AgriLink.Domain.Complaints;
using AgriLink.Storage;
using Dapper;

namespace AgriLink.Grains.Projections;

/// <summary>A complaint as the operators' queue shows it.</summary>
public sealed record ComplaintRow(
    string Id, string CooperativeId, string BuyerId, string? OrderId, ComplaintKind Kind, ComplaintStatus Status, string Text, DateTimeOffset FiledAt,
    string? DecisionReason, string SortKey);

/// <summary>Complaints from <c>complaints</c>: one status newest first (keyset by sort key), and a cooperative's upheld count since a time.</summary>
public sealed class ComplaintQueries(AgriLinkDatabase database)
{
    public async Task<ListPage<ComplaintRow>> InStatus(ComplaintStatus status, string? before, int limit)
    {
        var parameters = new DynamicParameters(new { status = status.ToString(), before, limit = (long)limit + 1 });
        await using var connection = await database.OpenAsync();
        var rows = (await connection.QueryAsync<Row>(
            "SELECT id AS Id, cooperative_id AS CooperativeId, buyer_id AS BuyerId, order_id AS OrderId, kind AS Kind, status AS Status, text AS Text, " +
            $"decision_reason AS DecisionReason, sort_key AS SortKey FROM complaints WHERE status = @status{(before is null ? "" : " AND sort_key < @before")} " +
            "ORDER BY sort_key DESC LIMIT @limit", parameters)).Select(r => r.ToRow()).ToList();
        var total = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM complaints WHERE status = @status", parameters);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new ListPage<ComplaintRow>(rows, (int)total, more ? rows[^1].SortKey : null);
    }

    /// <summary>How many of the cooperative's complaints were upheld at or after <paramref name="since"/> (read from its index).</summary>
    public async Task<int> UpheldSince(string cooperativeId, DateTimeOffset since)
    {
        await using var connection = await database.OpenAsync();
        return (int)await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM complaints WHERE cooperative_id = @cooperativeId AND status = @status AND decided_at >= @since",
            new { cooperativeId, status = nameof(ComplaintStatus.Upheld), since = database.Dialect.ToDbTimestamp(since) });
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string CooperativeId { get; set; } = "";
        public string BuyerId { get; set; } = "";
        public string? OrderId { get; set; }
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
        public string Text { get; set; } = "";
        public string? DecisionReason { get; set; }
        public string SortKey { get; set; } = "";

        public ComplaintRow ToRow() => new(Id, CooperativeId, BuyerId, OrderId, Enum.Parse<ComplaintKind>(Kind), Enum.Parse<ComplaintStatus>(Status), Text,
            new DateTimeOffset(long.Parse(SortKey.AsSpan(0, SortKey.IndexOf('|')), CultureInfo.InvariantCulture), TimeSpan.Zero), DecisionReason, SortKey);
    }
}
