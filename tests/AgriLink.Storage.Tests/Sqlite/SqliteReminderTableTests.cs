using AgriLink.Storage.Tests.Reminders;
using Xunit;

namespace AgriLink.Storage.Tests.Sqlite;

public sealed class SqliteReminderTableTests : ReminderTableContract
{
    private readonly SqliteTestFile _file = new();

    [Theory]
    [InlineData("grain_hash > @begin AND grain_hash <= @end")]
    [InlineData("(grain_hash > @begin OR grain_hash <= @end)")]
    public async Task RangeReadsUseTheHashIndex(string range)
    {
        // The same conditions RelationalReminderTable.ReadRows(begin, end) uses, plain and wrapped.
        await using var connection = await Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN SELECT grain_id FROM reminder WHERE service_id = @service_id AND {range}";
        Database.Dialect.AddParameter(command, "@service_id", "agrilink");
        Database.Dialect.AddParameter(command, "@begin", 10L);
        Database.Dialect.AddParameter(command, "@end", 20L);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var plan = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("ix_reminder_hash", StringComparison.Ordinal) && step.Contains("grain_hash", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN reminder", StringComparison.Ordinal));
    }

    protected override AgriLinkDatabase CreateDatabase() => _file.Open();

    protected override AgriLinkDatabase Reopen() => _file.Reopen(Database);

    protected override ValueTask DropDatabaseAsync()
    {
        _file.Delete(Database);
        return default;
    }
}
