using System.Data.Common;
using System.Threading.Channels;

namespace AgriLink.Storage.Persistence;

/// <summary>
/// Group commit for grain-state rows. Writes that arrive while a transaction is running wait and then share the next
/// one: each row keeps its own version check (a stale row is refused on its own and the others still commit), and
/// every caller hears back only after the transaction holding its row committed. Alone, a write goes straight
/// through with no added delay. Many concurrent grains (a flash sale's orders) thus cost a few commits, not one each.
/// </summary>
internal sealed class GroupCommitWriter
{
    /// <summary>Rows per transaction at most, so one commit stays short.</summary>
    public const int MaxBatch = 256;

    private readonly AgriLinkDatabase _database;
    private readonly Func<DbConnection, DbTransaction, RowWrite, Task<RowOutcome>> _writeRow;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    public GroupCommitWriter(AgriLinkDatabase database, Func<DbConnection, DbTransaction, RowWrite, Task<RowOutcome>> writeRow)
    {
        _database = database;
        _writeRow = writeRow;
        _ = Task.Run(RunAsync);
    }

    public Task<RowOutcome> WriteAsync(RowWrite row, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(row, new TaskCompletionSource<RowOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The grain-state writer has stopped.");
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception) when (batch.Count > 1)
            {
                // Something other than a version conflict broke the shared transaction (nothing of it committed):
                // retry each row alone, so only the row at fault fails.
                foreach (var single in batch) await CommitAlone(single);
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task CommitAlone(Pending single)
    {
        try
        {
            await CommitAsync([single]);
        }
        catch (Exception e)
        {
            single.Done.TrySetException(e);
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        var outcomes = new RowOutcome[batch.Count];
        await using (var connection = await _database.OpenAsync())
        await using (var transaction = await _database.Dialect.BeginWriteTransactionAsync(connection, CancellationToken.None))
        {
            for (var i = 0; i < batch.Count; i++) outcomes[i] = await _writeRow(connection, transaction, batch[i].Row);
            await transaction.CommitAsync();
        }

        // Only after the commit does any caller hear back.
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
    }

    private sealed record Pending(RowWrite Row, TaskCompletionSource<RowOutcome> Done);
}

/// <summary>One grain-state row to write: insert when <see cref="Expected"/> is null, else a version-checked update (null payload clears).</summary>
internal sealed record RowWrite(string StateName, string GrainId, string GrainType, long? Expected, byte[]? Payload, object UpdatedAt);

/// <summary>The row's new version, or, when its version check failed, what is stored instead (nothing of it was written).</summary>
internal readonly record struct RowOutcome(bool Written, long NewVersion, long? StoredVersion);
