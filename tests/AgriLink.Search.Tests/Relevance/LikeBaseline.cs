using Microsoft.Data.Sqlite;

namespace AgriLink.Search.Tests.Relevance;

/// <summary>
/// The naive search a first version would write: one SQLite table of the same listings, the whole query as one
/// <c>LIKE '%q%'</c> over title, variety, specification, description, cooperative and origin, newest first.
/// </summary>
public sealed class LikeBaseline : IDisposable
{
    private readonly SqliteConnection _db;

    public LikeBaseline(IEnumerable<ListingDocument> documents, string? file = null)
    {
        _db = new SqliteConnection(file is null ? "Data Source=:memory:" : $"Data Source={file}");
        _db.Open();
        Execute("""
            CREATE TABLE listings (id TEXT PRIMARY KEY, title TEXT NOT NULL, variety TEXT, specification TEXT, description TEXT,
              cooperative TEXT NOT NULL, origin TEXT NOT NULL, category TEXT NOT NULL, price_fen INTEGER NOT NULL, updated_ticks INTEGER NOT NULL)
            """);
        using var tx = _db.BeginTransaction();
        using var insert = _db.CreateCommand();
        insert.CommandText = "INSERT INTO listings VALUES ($id, $title, $variety, $spec, $desc, $coop, $origin, $category, $price, $updated)";
        var p = new[] { "$id", "$title", "$variety", "$spec", "$desc", "$coop", "$origin", "$category", "$price", "$updated" }
            .Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var d in documents)
        {
            object?[] values = [d.ListingId, d.Title, d.Variety, d.Specification, d.Description, d.CooperativeName, $"{d.Origin} {d.CountyName}",
                d.Category, d.PriceFen, d.UpdatedAt.UtcTicks];
            for (var i = 0; i < p.Length; i++) p[i].Value = values[i] ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public IReadOnlyList<string> Search(string text, int take = 10)
    {
        using var query = _db.CreateCommand();
        query.CommandText = """
            SELECT id FROM listings
            WHERE title LIKE $q OR variety LIKE $q OR specification LIKE $q OR description LIKE $q OR cooperative LIKE $q OR origin LIKE $q
            ORDER BY updated_ticks DESC LIMIT $take
            """;
        query.Parameters.AddWithValue("$q", $"%{text.Trim()}%");
        query.Parameters.AddWithValue("$take", take);
        using var reader = query.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    public void Dispose() => _db.Dispose();

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
