namespace CustomerValue.Csv.Internal;

/// <summary>
/// The messages of transactions the summaries exclude or reject, for rows read from a file: the line, the column as the
/// file names it and the value as written, so a reader can find the row; the core's own messages name the index among
/// accepted rows, which only means something for an in-memory log.
/// </summary>
internal static class IssueText
{
    private const string NetOrIgnore = "Set SummaryOptions.NegativeAmounts to NetAsReturn to net returns against revenue, or to Ignore to exclude and report such rows";

    /// <summary>Returns the column a reason is about.</summary>
    public static string ColumnOf(TransactionIssueReason reason, in TransactionColumns columns) => reason switch
    {
        TransactionIssueReason.MissingCustomerId => columns.Id,
        TransactionIssueReason.AfterAsOfDate => columns.Date,
        _ => columns.Amount,
    };

    /// <summary>The strict summaries' error for a row they reject (a negative amount, a blank id).</summary>
    public static InvalidTransactionException Rejection(TransactionIssue issue, long line, in TransactionColumns columns, string value)
    {
        var where = Where(issue, line, columns, value);
        var message = issue.Reason == TransactionIssueReason.NegativeAmount
            ? where + " is a negative amount" + Row(issue.Transaction) + ". " + NetOrIgnore + " (or set SummaryOptions.InvalidTransactions to Skip)."
            : where + " is blank, so the row names no customer. Set SummaryOptions.InvalidTransactions to Skip to exclude and report such rows.";
        return new InvalidTransactionException(issue, message);
    }

    /// <summary>Says why an excluded row is left out and which option would keep it.</summary>
    public static string Describe(TransactionIssue issue, long line, in TransactionColumns columns, string value, SummaryOptions options)
    {
        var where = Where(issue, line, columns, value);
        var transaction = issue.Transaction;
        return issue.Reason switch
        {
            TransactionIssueReason.MissingCustomerId
                => where + " is blank, so the row names no customer; it is left out because SummaryOptions.InvalidTransactions is Skip.",
            TransactionIssueReason.AfterAsOfDate
                => where + Text.Invariant($" is after the as-of date {options.AsOf:yyyy-MM-dd} (customer '{transaction.CustomerId}'); it is left out. A later SummaryOptions.AsOf includes it."),
            TransactionIssueReason.NegativeAmount when options.NegativeAmounts == NegativeAmountHandling.Ignore
                => where + " is a negative amount" + Row(transaction) + "; it is left out because SummaryOptions.NegativeAmounts is Ignore. Set it to NetAsReturn to net returns against revenue.",
            TransactionIssueReason.NegativeAmount
                => where + " is a negative amount" + Row(transaction) + "; it is left out because SummaryOptions.NegativeAmounts is Reject and SummaryOptions.InvalidTransactions is Skip. Set SummaryOptions.NegativeAmounts to NetAsReturn to net returns against revenue.",
            _ => where + Text.Invariant($" is a return of customer '{transaction.CustomerId}' ({transaction.Timestamp:yyyy-MM-dd}), who has no purchase up to the as-of date to net it against; it is left out (SummaryOptions.NegativeAmounts is NetAsReturn)."),
        };
    }

    private static string Where(TransactionIssue issue, long line, in TransactionColumns columns, string value)
        => Text.Invariant($"Line {line}, column '{ColumnOf(issue.Reason, columns)}': '{value}'");

    private static string Row(in Transaction transaction) => Text.Invariant($" (customer '{transaction.CustomerId}', {transaction.Timestamp:yyyy-MM-dd})");
}

/// <summary>The headers, as in the file, of the columns read as the customer id, the date and the amount.</summary>
internal readonly record struct TransactionColumns(string Id, string Date, string Amount);
