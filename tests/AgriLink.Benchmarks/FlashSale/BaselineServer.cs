using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using AgriLink.Storage;
using AgriLink.Storage.Dialects;

namespace AgriLink.Benchmarks.FlashSale;

/// <summary>
/// The baseline a conventional app would use for a flash sale: an ASP.NET Core endpoint that, per order, reads the
/// listing row (stock, version), then in a write transaction runs the version-checked
/// <c>UPDATE listing SET stock = stock - n, version = version + 1 WHERE id = @id AND version = @v AND stock &gt;= n</c>,
/// inserts the order row and commits; 0 rows updated means another order won the race, so it reads again and retries
/// (the optimistic-concurrency loop of an ORM with a concurrency token). Same SQLite engine and settings as AgriLink
/// (<see cref="AgriLinkDatabase"/>: WAL, synchronous=FULL, busy timeout, BEGIN IMMEDIATE for writes), its own file.
/// It runs as a separate process, as AgriLink.Web does, started by the benchmark: <c>AgriLink.Benchmarks.dll
/// flash-baseline-server --db FILE --urls URL</c>.
/// </summary>
public static class BaselineServer
{
    public const string ReadyLine = "Baseline is running.";

    public static async Task<int> RunAsync(string[] args)
    {
        string? db = null, postgres = null, urls = null;
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--db": db = args[i + 1]; break;
                case "--postgres": postgres = args[i + 1]; break;
                case "--urls": urls = args[i + 1]; break;
            }
        }

        if ((db is null) == (postgres is null) || urls is null)
        {
            Console.Error.WriteLine("flash-baseline-server (--db FILE | --postgres CONNECTION) --urls http://127.0.0.1:PORT");
            return 2;
        }

        var database = postgres is null ? AgriLinkDatabase.Sqlite(db!) : AgriLinkDatabase.Postgres(postgres);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();

        app.MapGet("/health", () => Results.Ok());
        // The engine's own count of commits and rows written (SQLite hooks), so a burst's writes can be compared.
        app.MapGet("/stats", () => Results.Ok(new StorageCounts(StorageMetrics.Commits, StorageMetrics.RowsWritten, GC.GetTotalAllocatedBytes())));
        app.MapPost("/setup", async (SetupRequest request) =>
        {
            await SetupAsync(database, request);
            return Results.Ok();
        });
        app.MapPost("/orders", async (BaselineOrder order) => await PlaceAsync(database, order));
        app.MapGet("/verify/{listingId}", async (string listingId) =>
        {
            await using var connection = await database.OpenAsync();
            await using var stock = Sql.Command(connection, null, "SELECT stock FROM listing WHERE id = @id", ("@id", listingId));
            await using var sold = Sql.Command(connection, null,
                "SELECT COUNT(*), CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM orders WHERE listing_id = @id", ("@id", listingId));
            var left = Convert.ToInt64(await stock.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            await using var reader = await sold.ExecuteReaderAsync();
            await reader.ReadAsync();
            return Results.Ok(new BaselineVerification(left, reader.GetInt64(0), reader.GetInt64(1)));
        });

        await app.StartAsync();
        Console.WriteLine(ReadyLine);
        await app.WaitForShutdownAsync();
        return 0;
    }

    public static async Task SetupAsync(AgriLinkDatabase database, SetupRequest request)
    {
        await using var connection = await database.OpenAsync();
            foreach (var sql in new[]
        {
            "CREATE TABLE IF NOT EXISTS listing (id TEXT PRIMARY KEY, stock BIGINT NOT NULL CHECK (stock >= 0), version BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS orders (id TEXT PRIMARY KEY, listing_id TEXT NOT NULL, buyer_id TEXT NOT NULL, quantity BIGINT NOT NULL, placed_at TEXT NOT NULL)",
            "DELETE FROM orders", "DELETE FROM listing",
        })
        {
            await using var command = Sql.Command(connection, null, sql);
            await command.ExecuteNonQueryAsync();
        }

        await using var insert = Sql.Command(connection, null,
            "INSERT INTO listing (id, stock, version) VALUES (@id, @stock, 0)", ("@id", request.ListingId), ("@stock", request.Stock));
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<IResult> PlaceAsync(AgriLinkDatabase database, BaselineOrder order)
    {
        if (order.Quantity <= 0) return Results.Problem("quantity must be positive", statusCode: 400);
        try
        {
            return await PlaceCoreAsync(database, order) switch
            {
                null => Results.Problem("no such listing", statusCode: 404),
                "" => Results.Problem("sold out", statusCode: 409),
                var id => Results.Created($"/orders/{id}", new { id }),
            };
        }
        catch (DbException e)
        {
            // The benchmark fails on any answer but 201 and 409; the database's reason goes with it into the report.
            return Results.Problem(e.Message, statusCode: 500);
        }
    }

    /// <summary>The conventional order path on the database alone: the new order's id, "" when sold out, null for no such listing.</summary>
    public static async Task<string?> PlaceCoreAsync(AgriLinkDatabase database, BaselineOrder order)
    {
        var orderId = "ord-" + Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenAsync();
        if (database.Dialect is PostgresDialect) return await PlaceAtomicallyAsync(database, connection, orderId, order);
        while (true)
        {
            long stock, version;
            await using (var read = Sql.Command(connection, null, "SELECT stock, version FROM listing WHERE id = @id", ("@id", order.ListingId)))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                if (!await reader.ReadAsync()) return null;
                stock = reader.GetInt64(0);
                version = reader.GetInt64(1);
            }

            if (stock < order.Quantity) return "";

            await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
            await using var update = Sql.Command(connection, transaction,
                "UPDATE listing SET stock = stock - @n, version = version + 1 WHERE id = @id AND version = @v AND stock >= @n",
                ("@n", order.Quantity), ("@id", order.ListingId), ("@v", version));
            if (await update.ExecuteNonQueryAsync() == 0)
            {
                await transaction.RollbackAsync();
                continue; // another order changed the row since we read it: read again
            }

            await InsertOrderAsync(connection, transaction, orderId, order);
            await transaction.CommitAsync();
            return orderId;
        }
    }

    /// <summary>
    /// On PostgreSQL, the stronger conventional path: one conditional decrement (<c>UPDATE … WHERE stock &gt;= n</c>),
    /// which waits on the row lock instead of failing a version check. The read-then-version-check loop above degrades
    /// there: every waiter that loses the row lock re-reads and retries, so a burst costs O(concurrency × stock)
    /// statements (SQLite's single writer hides this). The baseline should be the best a conventional app does.
    /// </summary>
    private static async Task<string?> PlaceAtomicallyAsync(AgriLinkDatabase database, DbConnection connection, string orderId, BaselineOrder order)
    {
        await using var transaction = await database.Dialect.BeginWriteTransactionAsync(connection, CancellationToken.None);
        await using var update = Sql.Command(connection, transaction,
            "UPDATE listing SET stock = stock - @n, version = version + 1 WHERE id = @id AND stock >= @n",
            ("@n", order.Quantity), ("@id", order.ListingId));
        if (await update.ExecuteNonQueryAsync() == 0)
        {
            await transaction.RollbackAsync();
            await using var exists = Sql.Command(connection, null, "SELECT COUNT(*) FROM listing WHERE id = @id", ("@id", order.ListingId));
            return Convert.ToInt64(await exists.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0 ? null : "";
        }

        await InsertOrderAsync(connection, transaction, orderId, order);
        await transaction.CommitAsync();
        return orderId;
    }

    private static async Task InsertOrderAsync(DbConnection connection, DbTransaction transaction, string orderId, BaselineOrder order)
    {
        await using var insert = Sql.Command(connection, transaction,
            "INSERT INTO orders (id, listing_id, buyer_id, quantity, placed_at) VALUES (@id, @listing, @buyer, @n, @at)",
            ("@id", orderId), ("@listing", order.ListingId), ("@buyer", order.BuyerId), ("@n", order.Quantity),
            ("@at", DateTimeOffset.UtcNow.ToString("O")));
        await insert.ExecuteNonQueryAsync();
    }
}

public sealed record SetupRequest(string ListingId, long Stock);

public sealed record BaselineOrder(string ListingId, string BuyerId, long Quantity);

/// <summary>Totals since the server started: commits, rows written, bytes allocated.</summary>
public sealed record StorageCounts(long Commits, long RowsWritten, long AllocatedBytes)
{
    public static StorageCounts operator -(StorageCounts after, StorageCounts before) =>
        new(after.Commits - before.Commits, after.RowsWritten - before.RowsWritten, after.AllocatedBytes - before.AllocatedBytes);
}

public sealed record BaselineVerification(long Stock, long Orders, long QuantitySold);
