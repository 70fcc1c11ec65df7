namespace CustomerValue.Csv;

/// <summary>Customer summaries read from a transaction export, with what the read did with every row. Immutable.</summary>
public sealed class CsvSummaryImport
{
    private readonly Dictionary<long, long> _issueLines;

    internal CsvSummaryImport(SummaryResult summary, CsvReadReport report, Dictionary<long, long> issueLines)
    {
        Summary = summary;
        Report = report;
        _issueLines = issueLines;
    }

    /// <summary>Gets the summaries; their <see cref="SummaryResult.TransactionsRead"/> equals <see cref="CsvReadReport.RowsAccepted"/>.</summary>
    public SummaryResult Summary { get; }

    /// <summary>Gets the rows read, accepted and rejected by the CSV reader.</summary>
    public CsvReadReport Report { get; }

    /// <summary>Returns the file line of a transaction the summaries excluded (its <see cref="TransactionIssue.Index"/> counts accepted rows).</summary>
    /// <param name="issue">An issue from <see cref="Summary"/>.</param>
    /// <returns>The 1-based line, or -1 when the issue is not from this import.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issue"/> is null.</exception>
    public long LineOf(TransactionIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return _issueLines.TryGetValue(issue.Index, out var line) ? line : -1;
    }
}
