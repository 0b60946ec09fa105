using AgriLink.Storage;

namespace AgriLink.Grains.Tests.Reminders;

/// <summary>Reads the reminder table with plain SQL, independent of the table implementation under test.</summary>
internal static class ReminderRows
{
    public static async Task<long> CountAsync(AgriLinkDatabase database, IAddressable grain, CancellationToken cancellationToken)
    {
        await using var connection = await new AgriLinkDatabase(database.Dialect, database.ConnectionString).OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM reminder WHERE grain_id = $grain";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$grain";
        parameter.Value = grain.GetGrainId().ToString();
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
