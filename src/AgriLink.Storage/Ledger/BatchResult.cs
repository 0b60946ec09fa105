namespace AgriLink.Storage.Ledger;

/// <summary>
/// What <see cref="ILedger.PostBatchAsync"/> did: one result per input transfer, in input order.
/// A key repeated inside the batch (with the same postings) counts as already posted after its first occurrence.
/// </summary>
public sealed record BatchResult(IReadOnlyList<TransferResult> Results)
{
    public int Posted { get; } = Results.Count(r => r.Outcome == TransferOutcome.Posted);

    public int AlreadyPosted { get; } = Results.Count(r => r.Outcome == TransferOutcome.AlreadyPosted);
}
