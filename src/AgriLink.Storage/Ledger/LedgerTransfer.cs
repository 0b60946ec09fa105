namespace AgriLink.Storage.Ledger;

/// <summary>
/// A balanced movement of money between accounts, posted at most once per <see cref="IdempotencyKey"/>.
/// Every instance is valid: the constructor refuses anything the ledger must not store, so a transfer that
/// exists can be written.
/// </summary>
public sealed class LedgerTransfer
{
    public const int MaxIdempotencyKeyLength = 200;

    public const int MaxMemoLength = 1000;

    private readonly LedgerPosting[] _postings;

    /// <param name="idempotencyKey">
    /// Names the business fact this transfer records (e.g. <c>dividend:{declarationId}:{shareholderId}</c>), so a
    /// retry after a crash posts nothing new. Compared exactly (ordinal).
    /// </param>
    /// <param name="postings">At least two, none zero, summing to exactly zero fen. Copied.</param>
    /// <param name="memo">Free text for statements; may be empty.</param>
    /// <param name="occurredAt">When the business event happened (the ledger also records when it was written).</param>
    /// <exception cref="ArgumentException">A rule above is broken.</exception>
    /// <exception cref="UnbalancedTransferException">The postings do not sum to zero.</exception>
    public LedgerTransfer(string idempotencyKey, IReadOnlyList<LedgerPosting> postings, string memo, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (idempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            throw new ArgumentException($"An idempotency key is at most {MaxIdempotencyKeyLength} characters; got {idempotencyKey.Length}.", nameof(idempotencyKey));
        }

        ArgumentNullException.ThrowIfNull(postings);
        ArgumentNullException.ThrowIfNull(memo);
        if (memo.Length > MaxMemoLength)
        {
            throw new ArgumentException($"A transfer memo is at most {MaxMemoLength} characters; got {memo.Length}.", nameof(memo));
        }

        if (postings.Count < 2)
        {
            throw new ArgumentException($"Transfer '{idempotencyKey}' needs at least two postings; got {postings.Count}.", nameof(postings));
        }

        var copy = new LedgerPosting[postings.Count];
        Int128 sum = 0; // exact: no overflow for any number of postings, so no false "unbalanced" either
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = postings[i] ?? throw new ArgumentException($"Transfer '{idempotencyKey}' has a null posting at {i}.", nameof(postings));
            sum += copy[i].AmountFen;
        }

        if (sum != 0)
        {
            throw new UnbalancedTransferException(idempotencyKey, sum);
        }

        IdempotencyKey = idempotencyKey;
        _postings = copy;
        Memo = memo;
        OccurredAt = occurredAt;
    }

    public string IdempotencyKey { get; }

    public IReadOnlyList<LedgerPosting> Postings => _postings;

    public string Memo { get; }

    public DateTimeOffset OccurredAt { get; }

    /// <summary>
    /// True when both move the same money: the same multiset of (account, amount), in any order.
    /// Memo and time are not compared: a retry may carry a fresher timestamp and still be the same transfer.
    /// </summary>
    public bool HasSamePostingsAs(IEnumerable<LedgerPosting> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SamePostings(_postings.Select(p => (p.Account, p.AmountFen)), other.Select(p => (p.Account, p.AmountFen)));
    }

    internal static bool SamePostings(IEnumerable<(string Account, long AmountFen)> left, IEnumerable<(string Account, long AmountFen)> right) =>
        Canonical(left).SequenceEqual(Canonical(right));

    private static IEnumerable<(string Account, long AmountFen)> Canonical(IEnumerable<(string Account, long AmountFen)> postings) =>
        postings.OrderBy(p => p.Account, StringComparer.Ordinal).ThenBy(p => p.AmountFen);
}
