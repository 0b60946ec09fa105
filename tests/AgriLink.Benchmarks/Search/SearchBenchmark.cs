using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgriLink.Search;
using AgriLink.Search.Lucene;
using Microsoft.Data.Sqlite;

namespace AgriLink.Benchmarks.Search;

/// <summary>
/// <c>search</c>: n generated listings (default 100,000) indexed into Lucene on disk (the full reindex, timed) and
/// inserted into a SQLite table; then the same queries, one at a time, through Lucene (text, 20 hits, total and every
/// facet, as the API asks) and through a naive <c>LIKE '%q%'</c> over the text columns (20 newest rows only: the
/// baseline is spared the count and facets). Reports p50/p95 of each, their ratio, the reindex time and peak memory.
/// </summary>
public static class SearchBenchmark
{
    public const string Usage = """
        dotnet run -c Release --project tests/AgriLink.Benchmarks -- search [--listings 100000] [--rounds 10] [--out DIR]

          --listings N   generated listings (default 100000)
          --rounds N     times the query list (44 queries) is run on each engine after a warm-up round (default 10)
          --out DIR      report folder (default artifacts/benchmarks under the repository)
        Targets (reported, not enforced): Lucene p95 ≤ 20 ms and ≥ 10× faster than SQL LIKE; reindex < 60 s; peak < 1 GiB.
        """;

    public static async Task<int> RunAsync(string[] args, string defaultOut)
    {
        int listings = 100_000, rounds = 10;
        var output = defaultOut;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--listings": listings = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--rounds": rounds = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture); break;
                    case "--out": output = Path.GetFullPath(Next()); break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine($"{e.Message}\n\n{Usage}");
                return 2;
            }
        }
        if (listings < 1 || rounds < 1)
        {
            Console.Error.WriteLine($"--listings and --rounds must be at least 1.\n\n{Usage}");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("agrilink-search-bench-");
        try
        {
            Console.WriteLine($"Generating {listings:N0} listings…");
            var documents = SearchCatalogue.Generate(listings).ToList();

            Console.WriteLine("Baseline: SQLite table…");
            using var baseline = new LikeTable(Path.Combine(folder.FullName, "baseline.db"), documents);

            Console.WriteLine("Lucene: full reindex…");
            using var probe = MemoryProbe.Start();
            using var lucene = new LuceneListingSearch(Path.Combine(folder.FullName, "search"));
            var reindex = Stopwatch.StartNew();
            await lucene.ResetAsync();
            foreach (var batch in documents.Chunk(1000)) await lucene.IndexAsync(batch);
            reindex.Stop();
            var indexed = await lucene.CountAsync();
            documents = null;

            Console.WriteLine("Queries (single-threaded)…");
            var queries = SearchCatalogue.Queries;
            foreach (var q in queries)
            {
                await lucene.SearchAsync(new ListingQuery(q));
                baseline.Search(q);
            }
            var luceneTimes = new List<double>();
            var likeTimes = new List<double>();
            long luceneHits = 0, likeHits = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var q in queries)
                {
                    var t = Stopwatch.GetTimestamp();
                    var result = await lucene.SearchAsync(new ListingQuery(q));
                    luceneTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    luceneHits += result.Hits.Count;
                }
                // The baseline is slow: a third of the rounds give it as many samples per query as it needs for p95.
                if (round % 3 != 0) continue;
                foreach (var q in queries)
                {
                    var t = Stopwatch.GetTimestamp();
                    likeHits += baseline.Search(q).Count;
                    likeTimes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            }
            var memory = probe.Stop();

            var report = Report(listings, indexed, reindex.Elapsed, luceneTimes, likeTimes, luceneHits, likeHits, memory);
            Console.WriteLine(report);
            Directory.CreateDirectory(output);
            var file = Path.Combine(output, $"search-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{listings}.md");
            await File.WriteAllTextAsync(file, report);
            Console.WriteLine($"Report: {file}");
            return indexed == listings ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Report(int listings, long indexed, TimeSpan reindex, List<double> lucene, List<double> like, long luceneHits, long likeHits, MemoryReading memory)
    {
        double P(List<double> xs, double p)
        {
            var sorted = xs.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        }
        var (l50, l95, b50, b95) = (P(lucene, 0.50), P(lucene, 0.95), P(like, 0.50), P(like, 0.95));
        var peakMiB = Math.Max(memory.PeakWorkingSetBytes, memory.MaxSampledWorkingSetBytes) / 1024.0 / 1024.0;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Search benchmark: {listings:N0} listings");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, load {load}; {SearchCatalogue.Queries.Length} queries, {lucene.Count} Lucene samples, {like.Count} SQL LIKE samples.");
        s.AppendLine();
        s.AppendLine("| measure | value | target | met |");
        s.AppendLine("| --- | --- | --- | --- |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| Lucene p50 / p95 | {l50:0.00} ms / {l95:0.00} ms | p95 ≤ 20 ms | {(l95 <= 20 ? "yes" : "no")} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| SQL LIKE p50 / p95 | {b50:0.00} ms / {b95:0.00} ms | | |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| LIKE ÷ Lucene (p50 / p95) | {b50 / l50:0.0}× / {b95 / l95:0.0}× | ≥ 10× | {(b95 / l95 >= 10 && b50 / l50 >= 10 ? "yes" : "no")} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| full reindex ({indexed:N0} listings) | {reindex.TotalSeconds:0.0} s | < 60 s | {(reindex.TotalSeconds < 60 ? "yes" : "no")} |");
        s.AppendLine(CultureInfo.InvariantCulture, $"| peak memory (working set, reindex + queries) | {peakMiB:0} MiB | < 1024 MiB | {(peakMiB < 1024 ? "yes" : "no")} |");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Hits returned: Lucene {luceneHits:N0} (20 per query at most, with total and facets), SQL LIKE {likeHits:N0} (20 newest at most).");
        s.AppendLine(CultureInfo.InvariantCulture, $"GC heap peak {memory.MaxSampledGcHeapBytes / 1024 / 1024} MiB; allocated {memory.AllocatedBytes / 1024 / 1024} MiB; gen2 collections {memory.Gen2}; peak reset: {memory.PeakWasReset}.");
        return s.ToString();
    }

    /// <summary>The baseline: one SQLite table of the same listings and the whole query as one LIKE over its text columns.</summary>
    private sealed class LikeTable : IDisposable
    {
        private readonly SqliteConnection _db;
        private readonly SqliteCommand _query;

        public LikeTable(string file, IReadOnlyList<ListingDocument> documents)
        {
            _db = new SqliteConnection($"Data Source={file}");
            _db.Open();
            using (var create = _db.CreateCommand())
            {
                create.CommandText = """
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE listings (id TEXT PRIMARY KEY, title TEXT NOT NULL, variety TEXT, description TEXT, cooperative TEXT NOT NULL,
                      origin TEXT NOT NULL, price_fen INTEGER NOT NULL, updated_ticks INTEGER NOT NULL);
                    CREATE INDEX listings_updated ON listings (updated_ticks);
                    """;
                create.ExecuteNonQuery();
            }
            using (var tx = _db.BeginTransaction())
            using (var insert = _db.CreateCommand())
            {
                insert.CommandText = "INSERT INTO listings VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
                var p = Enumerable.Range(1, 8).Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = $"${n}" })).ToArray();
                foreach (var d in documents)
                {
                    object?[] values = [d.ListingId, d.Title, d.Variety, d.Description, d.CooperativeName, d.Origin, d.PriceFen, d.UpdatedAt.UtcTicks];
                    for (var i = 0; i < p.Length; i++) p[i].Value = values[i] ?? DBNull.Value;
                    insert.ExecuteNonQuery();
                }
                tx.Commit();
            }
            _query = _db.CreateCommand();
            _query.CommandText = """
                SELECT id FROM listings
                WHERE title LIKE $q OR variety LIKE $q OR description LIKE $q OR cooperative LIKE $q OR origin LIKE $q
                ORDER BY updated_ticks DESC LIMIT 20
                """;
            _query.Parameters.Add(new SqliteParameter { ParameterName = "$q" });
        }

        public IReadOnlyList<string> Search(string text)
        {
            _query.Parameters[0].Value = $"%{text}%";
            using var reader = _query.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read()) ids.Add(reader.GetString(0));
            return ids;
        }

        public void Dispose()
        {
            _query.Dispose();
            _db.Dispose();
        }
    }
}
