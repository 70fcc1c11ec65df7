using CustomerValue.Csv.Internal;

namespace CustomerValue.Csv;

/// <summary>Customer summaries read from a transaction export, with what the read did with every row. Immutable.</summary>
public sealed class CsvSummaryImport
{
    private readonly ExcludedRow[] _excluded;
    private readonly TransactionColumns _columns;
    private readonly SummaryOptions _options;
    private CsvSummaryIssue[]? _issues;

    /// <param name="summary">The summaries.</param>
    /// <param name="report">The read report.</param>
    /// <param name="excluded">One per issue of <paramref name="summary"/>, in the same order: its file line and field text.</param>
    /// <param name="columns">The headers of the columns read.</param>
    /// <param name="options">The summary options.</param>
    internal CsvSummaryImport(SummaryResult summary, CsvReadReport report, ExcludedRow[] excluded, TransactionColumns columns, SummaryOptions options)
    {
        Summary = summary;
        Report = report;
        _excluded = excluded;
        _columns = columns;
        _options = options;
    }

    /// <summary>Gets the summaries; their <see cref="SummaryResult.TransactionsRead"/> equals <see cref="CsvReadReport.RowsAccepted"/>.</summary>
    public SummaryResult Summary { get; }

    /// <summary>Gets the rows read, accepted and rejected by the CSV reader.</summary>
    public CsvReadReport Report { get; }

    /// <summary>
    /// Gets the transactions the summaries excluded (<see cref="SummaryResult.Issues"/>, in the same order, which is file
    /// order), each with its line, the column and value as in the file, and a message that names the option that changes it.
    /// </summary>
    public IReadOnlyList<CsvSummaryIssue> Issues
    {
        get
        {
            // Built on first use: a file dated mostly after the as-of date has an issue per row, and most callers only count them.
            if (_issues is null)
            {
                var issues = new CsvSummaryIssue[_excluded.Length];
                for (var i = 0; i < issues.Length; i++)
                {
                    var (issue, line, value) = _excluded[i];
                    issues[i] = new CsvSummaryIssue(line, IssueText.ColumnOf(issue.Reason, _columns), value, IssueText.Describe(issue, line, _columns, value, _options), issue);
                }

                Interlocked.CompareExchange(ref _issues, issues, null);
            }

            return _issues;
        }
    }

    /// <summary>Returns the file line of a transaction the summaries excluded (its <see cref="TransactionIssue.Index"/> counts accepted rows).</summary>
    /// <param name="issue">An issue from <see cref="Summary"/>.</param>
    /// <returns>The 1-based line, or -1 when the issue is not from this import.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="issue"/> is null.</exception>
    public long LineOf(TransactionIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);

        // The issues are in index order.
        int low = 0, high = _excluded.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var index = _excluded[middle].Issue.Index;
            if (index == issue.Index)
            {
                return _excluded[middle].Line;
            }

            (low, high) = index < issue.Index ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }
}
