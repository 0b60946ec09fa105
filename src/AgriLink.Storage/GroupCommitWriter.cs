using System.Data.Common;
using System.Threading.Channels;

namespace AgriLink.Storage;

/// <summary>
/// Group commit: writes that arrive while a transaction is running wait and then share the next one, and every caller
/// hears back only after the transaction holding its write committed. Alone, a write goes straight through with no added
/// delay. Each write is done by <c>writeOne</c> inside the shared transaction and answers for itself (a grain-state row's
/// failed version check is its own outcome, not the batch's). Many concurrent writers (a flash sale's orders and their
/// audit entries) thus cost a few commits, not one each.
/// </summary>
internal sealed class GroupCommitWriter<TWrite, TOutcome>
{
    /// <summary>Rows per transaction at most, so one commit stays short.</summary>
    public const int MaxBatch = 256;

    private readonly AgriLinkDatabase _database;
    private readonly Func<DbConnection, DbTransaction, TWrite, Task<TOutcome>> _writeOne;
    private readonly Func<DbConnection, DbTransaction, IReadOnlyList<(TWrite Write, TOutcome Outcome)>, Task>? _beforeCommit;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <param name="beforeCommit">
    /// Runs once per transaction after every write of the batch, with each write's outcome: work that must come last
    /// (the outbox, whose numbering lock is then held only for the commit).
    /// </param>
    public GroupCommitWriter(
        AgriLinkDatabase database,
        Func<DbConnection, DbTransaction, TWrite, Task<TOutcome>> writeOne,
        Func<DbConnection, DbTransaction, IReadOnlyList<(TWrite Write, TOutcome Outcome)>, Task>? beforeCommit = null)
    {
        _database = database;
        _writeOne = writeOne;
        _beforeCommit = beforeCommit;
        _ = Task.Run(RunAsync);
    }

    public Task<TOutcome> WriteAsync(TWrite write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(write, new TaskCompletionSource<TOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The writer has stopped.");
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
        var outcomes = new TOutcome[batch.Count];
        await using (var turn = await _database.EnterWriteAsync())
        await using (var connection = await _database.OpenAsync())
        await using (var transaction = await _database.Dialect.BeginWriteTransactionAsync(connection, CancellationToken.None))
        {
            for (var i = 0; i < batch.Count; i++) outcomes[i] = await _writeOne(connection, transaction, batch[i].Write);
            if (_beforeCommit is not null) await _beforeCommit(connection, transaction, [.. batch.Select((p, i) => (p.Write, outcomes[i]))]);
            await transaction.CommitAsync();
        }

        // Only after the commit does any caller hear back.
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
    }

    private sealed record Pending(TWrite Write, TaskCompletionSource<TOutcome> Done);
}
