using System.Globalization;
using AgriLink.Storage;
using AgriLink.Storage.Changes;

namespace AgriLink.Web.Tests.Infrastructure;

/// <summary>Tables' rows as text (columns joined by |, null as ∅), sorted, by table: to compare a table before and after.</summary>
internal static class TableRows
{
    public static async Task<Dictionary<string, List<string>>> ReadAsync(AgriLinkDatabase database, IEnumerable<ProjectionTable> tables)
    {
        var result = new Dictionary<string, List<string>>();
        await using var connection = await database.OpenAsync(Api.Ct);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", table.Columns)} FROM {table.Name}";
            await using var reader = await command.ExecuteReaderAsync(Api.Ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(Api.Ct))
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            result[table.Name] = rows;
        }

        return result;
    }
}
