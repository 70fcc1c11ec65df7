namespace CustomerValue;

/// <summary>
/// Customer summaries built from a transaction log, with every excluded transaction and the reason.
/// <see cref="TransactionsRead"/> always equals <see cref="TransactionsUsed"/> plus the number of <see cref="Issues"/>. Immutable.
/// </summary>
public sealed class SummaryResult
{
    private readonly int[] _counts;

    internal SummaryResult(CustomerFrame customers, int read, TransactionIssue[] issues, int returnsNetted)
    {
        Customers = customers;
        TransactionsRead = read;
        Issues = issues;
        ReturnsNetted = returnsNetted;
        _counts = new int[Enum.GetValues<TransactionIssueReason>().Length];
        foreach (var issue in issues)
        {
            _counts[(int)issue.Reason]++;
        }
    }

    /// <summary>Gets one row per customer with at least one purchase up to the as-of date, ordered by customer id (ordinal).</summary>
    public CustomerFrame Customers { get; }

    /// <summary>Gets the number of transactions in the input.</summary>
    public int TransactionsRead { get; }

    /// <summary>Gets the number of transactions that entered the summaries (purchases and netted returns).</summary>
    public int TransactionsUsed => TransactionsRead - Issues.Count;

    /// <summary>Gets the number of returns netted against revenue (see <see cref="NegativeAmountHandling.NetAsReturn"/>).</summary>
    public int ReturnsNetted { get; }

    /// <summary>Gets every excluded transaction, in input order, with its index and reason.</summary>
    public IReadOnlyList<TransactionIssue> Issues { get; }

    /// <summary>Returns how many transactions were excluded for <paramref name="reason"/>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    public int CountOf(TransactionIssueReason reason) => _counts[(int)reason];
}
