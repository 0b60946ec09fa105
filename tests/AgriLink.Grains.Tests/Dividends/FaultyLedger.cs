using AgriLink.Storage.Ledger;

namespace AgriLink.Grains.Tests.Dividends;

/// <summary>Where a simulated crash strikes a batch: before its transaction commits, or after (the reply is lost).</summary>
public enum CrashPoint
{
    BeforeCommit,
    AfterCommit,
}

/// <summary>
/// The real ledger, which can be told to let a number of batches of one payment run through and then fail every
/// further one, as the process dying mid-payment would look from the grain's side: either nothing of the batch is
/// written, or all of it is and the answer never arrives. Reads and single transfers pass straight through.
/// </summary>
public sealed class FaultyLedger(ILedger inner) : ILedger
{
    private readonly Lock _gate = new();
    private Fault? _fault;

    /// <summary>Lets <paramref name="successfulBatches"/> batches holding a key under <paramref name="keyPrefix"/> through, then fails each later one.</summary>
    public void FailAfter(string keyPrefix, int successfulBatches, CrashPoint point)
    {
        lock (_gate) _fault = new Fault(keyPrefix, successfulBatches, point);
    }

    /// <summary>Stops failing; returns how many batches of the run were failed.</summary>
    public int Heal()
    {
        lock (_gate)
        {
            var failed = _fault?.Failed ?? 0;
            _fault = null;
            return failed;
        }
    }

    public async Task<BatchResult> PostBatchAsync(IReadOnlyList<LedgerTransfer> transfers, CancellationToken ct = default)
    {
        CrashPoint? crash;
        lock (_gate)
        {
            crash = _fault?.Decide(transfers);
        }

        if (crash == CrashPoint.BeforeCommit) throw Crash();
        var result = await inner.PostBatchAsync(transfers, ct);
        if (crash == CrashPoint.AfterCommit) throw Crash();
        return result;
    }

    public Task<TransferResult> PostAsync(LedgerTransfer transfer, CancellationToken ct = default) => inner.PostAsync(transfer, ct);

    public Task<long> BalanceAsync(string account, CancellationToken ct = default) => inner.BalanceAsync(account, ct);

    public Task<IReadOnlyDictionary<string, long>> BalancesAsync(string accountPrefix, CancellationToken ct = default) =>
        inner.BalancesAsync(accountPrefix, ct);

    public Task<bool> IsPostedAsync(string idempotencyKey, CancellationToken ct = default) => inner.IsPostedAsync(idempotencyKey, ct);

    public Task<IReadOnlyList<LedgerEntry>> EntriesAsync(string account, long? beforeId = null, int limit = 100, CancellationToken ct = default) =>
        inner.EntriesAsync(account, beforeId, limit, ct);

    private static InvalidOperationException Crash() => new("Simulated crash of the paying process.");

    private sealed class Fault(string keyPrefix, int successfulBatches, CrashPoint point)
    {
        private int _passed;

        public int Failed { get; private set; }

        public CrashPoint? Decide(IReadOnlyList<LedgerTransfer> transfers)
        {
            if (!transfers.Any(t => t.IdempotencyKey.StartsWith(keyPrefix, StringComparison.Ordinal))) return null;
            if (_passed < successfulBatches)
            {
                _passed++;
                return null;
            }

            Failed++;
            return point;
        }
    }
}
