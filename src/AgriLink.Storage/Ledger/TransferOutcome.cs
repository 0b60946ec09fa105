namespace AgriLink.Storage.Ledger;

public enum TransferOutcome
{
    /// <summary>This call wrote the transfer.</summary>
    Posted,

    /// <summary>The key was already posted with the same postings; nothing was written.</summary>
    AlreadyPosted,
}
