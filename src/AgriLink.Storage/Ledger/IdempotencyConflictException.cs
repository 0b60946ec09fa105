namespace AgriLink.Storage.Ledger;

/// <summary>
/// A transfer reused an idempotency key that is already posted with different postings. Nothing was written:
/// the key names one business fact, and that fact was already booked differently.
/// </summary>
public sealed class IdempotencyConflictException : InvalidOperationException
{
    public IdempotencyConflictException(string idempotencyKey, long existingTransferId)
        : base($"Idempotency key '{idempotencyKey}' is already posted as transfer {existingTransferId} with different postings.")
    {
        IdempotencyKey = idempotencyKey;
        ExistingTransferId = existingTransferId;
    }

    public string IdempotencyKey { get; }

    public long ExistingTransferId { get; }
}
