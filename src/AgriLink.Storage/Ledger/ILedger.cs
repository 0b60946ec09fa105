namespace AgriLink.Storage.Ledger;

/// <summary>
/// The append-only double-entry ledger all money lives in. Transfers are balanced, posted at most once per
/// idempotency key, and never changed or removed; balances are always derived from the postings.
/// Amounts are integer fen, debit positive and credit negative (see <see cref="LedgerPosting"/>).
/// </summary>
public interface ILedger
{
    /// <summary>
    /// Writes the transfer and all its postings in one database transaction. If its key is already posted
    /// with the same postings, returns <see cref="TransferOutcome.AlreadyPosted"/> with the original id and
    /// writes nothing; of several concurrent posts of one key exactly one is <see cref="TransferOutcome.Posted"/>.
    /// </summary>
    /// <exception cref="IdempotencyConflictException">The key is already posted with different postings; nothing was written.</exception>
    Task<TransferResult> PostAsync(LedgerTransfer transfer, CancellationToken ct = default);

    /// <summary>
    /// Posts many transfers in ONE database transaction: keys already posted (with the same postings) are skipped
    /// and counted, the rest are written all together or not at all. Meant for thousands per call.
    /// </summary>
    /// <exception cref="ArgumentException">The list or an element is null, or the batch repeats a key with different postings; nothing was written.</exception>
    /// <exception cref="IdempotencyConflictException">A key is already posted with different postings; nothing of the batch was written.</exception>
    Task<BatchResult> PostBatchAsync(IReadOnlyList<LedgerTransfer> transfers, CancellationToken ct = default);

    /// <summary>The sum of the account's postings in fen (0 for an account never posted to).</summary>
    Task<long> BalanceAsync(string account, CancellationToken ct = default);

    /// <summary>
    /// The balance of every account whose name starts with <paramref name="accountPrefix"/> (exact, case-sensitive;
    /// empty means all) and that has at least one posting, so settled accounts appear with 0.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> BalancesAsync(string accountPrefix, CancellationToken ct = default);

    Task<bool> IsPostedAsync(string idempotencyKey, CancellationToken ct = default);

    /// <summary>
    /// The account's postings, newest (last written) first, at most <paramref name="limit"/> (capped at
    /// <see cref="LedgerEntry.MaxLimit"/>). Page by passing the smallest <see cref="LedgerEntry.Id"/> seen as <paramref name="beforeId"/>.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> EntriesAsync(string account, long? beforeId = null, int limit = 100, CancellationToken ct = default);
}
