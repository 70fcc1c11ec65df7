using System.Globalization;
using System.Text;
using Xunit;
using static CustomerValue.Csv.Tests.CsvInput;

namespace CustomerValue.Csv.Tests;

public sealed class CsvTransactionsTests
{
    // PyMC-Marketing's test log (GUIDE section 2), as a CSV export.
    private const string PyMcLog = """
        customer_id,date,amount
        1,2015-01-01,1
        1,2015-02-06,2
        2,2015-01-01,2
        3,2015-01-01,3
        3,2015-01-02,1
        3,2015-01-05,5
        4,2015-01-16,6
        4,2015-02-02,3
        4,2015-02-05,3
        4,2015-02-05,6
        5,2015-01-16,3
        5,2015-01-17,1
        5,2015-01-18,8
        6,2015-02-02,5
        """;

    private static readonly SummaryOptions PyMcOptions = new() { AsOf = new DateOnly(2015, 2, 7) };

    [Fact]
    public void Summarise_PyMcLog_ReproducesThePublishedDailyVectors()
    {
        var frame = CsvTransactions.Summarise(Stream(PyMcLog), PyMcOptions).Summary.Customers;

        Assert.Equal(["1", "2", "3", "4", "5", "6"], frame.CustomerIds);
        Assert.Equal([1.0, 0, 2, 2, 2, 0], frame.GetNumeric(ColumnNames.ModelFrequency).Values.ToArray());
        Assert.Equal([36.0, 0, 4, 20, 2, 0], frame.GetNumeric(ColumnNames.ModelRecency).Values.ToArray());
        Assert.Equal([37.0, 37, 37, 22, 22, 5], frame.GetNumeric(ColumnNames.ModelT).Values.ToArray());
        Assert.Equal([2.0, 0, 3, 6, 4.5, 0], frame.GetNumeric(ColumnNames.ModelMonetary).Values.ToArray());
    }

    [Fact]
    public void Summarise_ManyBatches_EqualsSummarisingTheReadTransactions()
    {
        var text = Generated(50_000, seed: 3);
        using var reader = CsvTransactionReader.Create(Stream(text));
        var expected = CustomerSummaries.FromTransactions(reader.ReadAll().ToArray(), PyMcOptions with { AsOf = new DateOnly(2021, 1, 1) }).Customers;

        var import = CsvTransactions.Summarise(Stream(text), PyMcOptions with { AsOf = new DateOnly(2021, 1, 1) });

        Assert.Equal(50_000, import.Report.RowsAccepted);
        Assert.Equal(50_000, import.Summary.TransactionsRead);
        Assert.Equal(expected.CustomerIds, import.Summary.Customers.CustomerIds);
        foreach (var column in expected.Columns)
        {
            Assert.Equal(((NumericColumn)column).Values.ToArray(), import.Summary.Customers.GetNumeric(column.Name).Values.ToArray());
        }
    }

    [Fact]
    public void SummariseFile_LenientWithBadRows_ReportsBothStagesWithLines()
    {
        using var directory = new TempDirectory();
        var path = directory.File("log.csv");
        File.WriteAllText(path, "customer_id,date,amount\nA,2015-01-01,5\nB,2015-13-01,5\nA,2015-03-01,5\nC,2015-01-02,-4\n");
        var summary = PyMcOptions with { InvalidTransactions = InvalidTransactionHandling.Skip };

        var import = CsvTransactions.SummariseFile(path, summary, new CsvTransactionOptions { Errors = CsvErrorMode.Lenient });

        Assert.Equal((4L, 3L, 1L), (import.Report.RowsRead, import.Report.RowsAccepted, import.Report.RowsRejected));
        Assert.Equal(3, import.Report.Rejects[0].LineNumber);
        Assert.Equal(["A"], import.Summary.Customers.CustomerIds);
        Assert.Equal(
            [(TransactionIssueReason.AfterAsOfDate, 4L), (TransactionIssueReason.NegativeAmount, 5L)],
            import.Summary.Issues.Select(i => (i.Reason, import.LineOf(i))));
    }

    [Fact]
    public void Summarise_StrictBadRow_ThrowsTheCsvError()
    {
        var error = Assert.Throws<CsvImportException>(() => CsvTransactions.Summarise(Stream(Generated(40_000, seed: 1) + "X,2015-01-01,abc\n"), PyMcOptions));

        Assert.Equal(40_002, error.Reject!.LineNumber);
    }

    [Fact]
    public void Summarise_InvalidForTheSummaries_ThrowsTheSummaryError()
    {
        var text = Generated(40_000, seed: 2).Replace("\nC1,", "\nC1,", StringComparison.Ordinal) + "C5,2015-01-01,-3\n";

        Assert.Throws<InvalidTransactionException>(() => CsvTransactions.Summarise(Stream(text), PyMcOptions with { AsOf = new DateOnly(2021, 1, 1) }));
    }

    [Fact]
    public void Summarise_HeaderOnly_ThrowsThatThereIsNothingToSummarise()
    {
        var error = Assert.Throws<CsvImportException>(() => CsvTransactions.Summarise(Stream("customer_id,date,amount\n"), PyMcOptions));

        Assert.Contains("no transaction to summarise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarise_Cancelled_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => CsvTransactions.Summarise(Stream(Generated(20_000, seed: 4)), PyMcOptions, cancellationToken: cancelled.Token));
    }

    private static string Generated(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("customer_id,date,amount\n");
        var start = new DateTime(2018, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{random.Next(500)},{start.AddDays(random.Next(1000)):yyyy-MM-dd},{random.Next(1, 100_000) / 100m}\n");
        }

        return text.ToString();
    }
}
