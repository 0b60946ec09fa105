namespace AgriLink.Storage.Ledger;

/// <summary>
/// One leg of a <see cref="LedgerTransfer"/>: an amount of integer fen (分) booked to one account.
/// Sign convention: a <b>debit is positive</b> and a <b>credit is negative</b>, so the postings of a transfer
/// sum to exactly zero and an account's balance is the plain sum of its postings (positive = net debit).
/// Paying a dividend of ¥12.34 is <c>+1234</c> on the payable account (the obligation shrinks) and
/// <c>-1234</c> on the shareholder's account (what is owed to the holder grows, seen as a negative balance).
/// </summary>
public sealed record LedgerPosting
{
    /// <summary>Longest account name the ledger stores.</summary>
    public const int MaxAccountLength = 200;

    /// <summary>
    /// Largest magnitude of one posting: 10^15 fen (¥10 trillion). Far beyond any real payment, and small
    /// enough that summing an account's postings in the database cannot overflow a 64-bit integer.
    /// </summary>
    public const long MaxAmountFen = 1_000_000_000_000_000;

    /// <exception cref="ArgumentException">
    /// The account is empty, blank or longer than <see cref="MaxAccountLength"/>; the amount is zero or
    /// beyond ±<see cref="MaxAmountFen"/>.
    /// </exception>
    public LedgerPosting(string account, long amountFen)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        if (account.Length > MaxAccountLength)
        {
            throw new ArgumentException($"A ledger account name is at most {MaxAccountLength} characters; got {account.Length}.", nameof(account));
        }

        if (amountFen == 0)
        {
            throw new ArgumentException($"A posting to '{account}' must move money: zero fen is not a posting.", nameof(amountFen));
        }

        if (amountFen is > MaxAmountFen or < -MaxAmountFen)
        {
            throw new ArgumentException($"A posting is at most ±{MaxAmountFen} fen; got {amountFen}.", nameof(amountFen));
        }

        Account = account;
        AmountFen = amountFen;
    }

    /// <summary>The account name, compared exactly (ordinal, case-sensitive); see <see cref="LedgerAccounts"/>.</summary>
    public string Account { get; }

    /// <summary>Integer fen; positive debits the account, negative credits it.</summary>
    public long AmountFen { get; }

    public void Deconstruct(out string account, out long amountFen) => (account, amountFen) = (Account, AmountFen);
}
