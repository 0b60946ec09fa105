namespace AgriLink.Storage.Ledger;

/// <summary>One posting to an account as a statement line, with its transfer's key, memo and times.</summary>
/// <param name="Id">The posting's id: grows with every write, so it orders entries and pages them.</param>
/// <param name="AmountFen">Positive debits the account, negative credits it (see <see cref="LedgerPosting"/>).</param>
/// <param name="OccurredAt">When the business event happened, in UTC.</param>
/// <param name="RecordedAt">When the ledger wrote it, in UTC.</param>
public sealed record LedgerEntry(
    long Id,
    long TransferId,
    string IdempotencyKey,
    string Account,
    long AmountFen,
    string Memo,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt)
{
    /// <summary>Upper bound on one page of <see cref="ILedger.EntriesAsync"/>.</summary>
    public const int MaxLimit = 1000;
}
