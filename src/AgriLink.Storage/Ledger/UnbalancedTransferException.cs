namespace AgriLink.Storage.Ledger;

/// <summary>A transfer whose postings do not sum to exactly zero fen; it is never written.</summary>
public sealed class UnbalancedTransferException : ArgumentException
{
    public UnbalancedTransferException(string idempotencyKey, Int128 imbalanceFen)
        : base($"Transfer '{idempotencyKey}' is unbalanced: its postings sum to {imbalanceFen} fen instead of 0.", "postings")
    {
        IdempotencyKey = idempotencyKey;
        ImbalanceFen = imbalanceFen;
    }

    public string IdempotencyKey { get; }

    /// <summary>The exact sum of the postings (debits minus credits).</summary>
    public Int128 ImbalanceFen { get; }
}
