namespace AgriLink.Storage.Ledger;

/// <summary>What posting one transfer did, and the id of the transfer that holds its key.</summary>
public sealed record TransferResult(long TransferId, TransferOutcome Outcome)
{
    public static TransferResult Posted(long transferId) => new(transferId, TransferOutcome.Posted);

    /// <summary>The key was already posted (as <paramref name="originalTransferId"/>) with the same postings.</summary>
    public static TransferResult AlreadyPosted(long originalTransferId) => new(originalTransferId, TransferOutcome.AlreadyPosted);

    public bool WasPosted => Outcome == TransferOutcome.Posted;
}
