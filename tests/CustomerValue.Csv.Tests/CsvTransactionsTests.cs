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

    // Line 8 is the 5th accepted row (a bad row and an empty line come before it): the message names the line, not the index 4.
    private const string ReturnOnLine8 = "client,order_date,revenue\nC-00001,2025-04-01,10\nC-00002,2025-04-02,oops\nC-00001,2025-04-03,5\nC-00003,2025-04-05,7.5\n\nC-00001,2025-04-06,2\nC-00018,2025-04-19, -34.98 \nC-00002,2025-04-20,1\n";

    public static TheoryData<string> ReadPaths => ["file", "file, two threads", "stream", "unseekable stream", "UTF-16 stream"];

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void Summarise_StrictNegativeAmount_NamesTheLineColumnValueAndOption(string path)
    {
        var error = Assert.Throws<InvalidTransactionException>(() => Read(path, ReturnOnLine8, new SummaryOptions { AsOf = new DateOnly(2025, 12, 31) }));

        Assert.Equal(
            "Line 8, column 'revenue': '-34.98' is a negative amount (customer 'C-00018', 2025-04-19). Set SummaryOptions.NegativeAmounts to NetAsReturn to net returns against revenue, or to Ignore to exclude and report such rows (or set SummaryOptions.InvalidTransactions to Skip).",
            error.Message);
        Assert.Equal((4, TransactionIssueReason.NegativeAmount, -34.98m), (error.Issue.Index, error.Issue.Reason, error.Issue.Transaction.Amount));
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void Summarise_StrictBlankId_NamesTheLineAndIdColumn(string path)
    {
        var error = Assert.Throws<InvalidTransactionException>(() => Read(path, "Customer ID,date,amount\nA,2020-01-02,1\n\u00A0,2020-01-03,2\n", new SummaryOptions { AsOf = new DateOnly(2020, 6, 30) }));

        Assert.StartsWith("Line 3, column 'Customer ID': '\u00A0' is blank, so the row names no customer.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set SummaryOptions.InvalidTransactions to Skip", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void Summarise_LenientSummaryIssues_NameTheLineColumnValueAndOption(string path)
    {
        var text = ReturnOnLine8 + "C-00001,2026-01-02,3\nC-00099,2025-05-01,-1.50\n";
        var summary = new SummaryOptions { AsOf = new DateOnly(2025, 12, 31), NegativeAmounts = NegativeAmountHandling.Ignore };

        var import = Read(path, text, summary);

        Assert.Equal(
            [(8L, "revenue", "-34.98", TransactionIssueReason.NegativeAmount), (10L, "order_date", "2026-01-02", TransactionIssueReason.AfterAsOfDate), (11L, "revenue", "-1.50", TransactionIssueReason.NegativeAmount)],
            import.Issues.Select(i => (i.LineNumber, i.Column, i.Value, i.Issue.Reason)));
        Assert.Equal(import.Summary.Issues, import.Issues.Select(i => i.Issue));
        Assert.Equal(import.Issues.Select(i => i.LineNumber), import.Summary.Issues.Select(import.LineOf));
        Assert.Equal(
            "Line 8, column 'revenue': '-34.98' is a negative amount (customer 'C-00018', 2025-04-19); it is left out because SummaryOptions.NegativeAmounts is Ignore. Set it to NetAsReturn to net returns against revenue.",
            import.Issues[0].Message);
        Assert.Equal(
            "Line 10, column 'order_date': '2026-01-02' is after the as-of date 2025-12-31 (customer 'C-00001'); it is left out. A later SummaryOptions.AsOf includes it.",
            import.Issues[1].Message);

        var netted = Read(path, text, summary with { NegativeAmounts = NegativeAmountHandling.NetAsReturn });

        Assert.Equal(
            [(8L, "revenue", "-34.98", TransactionIssueReason.ReturnWithoutPurchase), (10L, "order_date", "2026-01-02", TransactionIssueReason.AfterAsOfDate), (11L, "revenue", "-1.50", TransactionIssueReason.ReturnWithoutPurchase)],
            netted.Issues.Select(i => (i.LineNumber, i.Column, i.Value, i.Issue.Reason)));
        Assert.StartsWith("Line 11, column 'revenue': '-1.50' is a return of customer 'C-00099' (2025-05-01), who has no purchase", netted.Issues[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LineOf_IssueOfAnotherImport_ReturnsMinusOne()
    {
        var summary = new SummaryOptions { AsOf = new DateOnly(2025, 12, 31), NegativeAmounts = NegativeAmountHandling.Ignore };
        var import = CsvTransactions.Summarise(Stream(ReturnOnLine8), summary, new CsvTransactionOptions { Errors = CsvErrorMode.Lenient });

        Assert.Equal(8, import.LineOf(import.Summary.Issues[0]));
        Assert.Equal(-1, import.LineOf(import.Summary.Issues[0] with { Index = 3 }));
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

    // The fast path reads UTF-8 files and seekable streams (on two threads when told); the general path the others.
    private static CsvSummaryImport Read(string path, string text, SummaryOptions summary)
    {
        var options = new CsvTransactionOptions { Errors = CsvErrorMode.Lenient };
        switch (path)
        {
            case "stream":
                return CsvTransactions.Summarise(Stream(text), summary, options);
            case "unseekable stream":
                return CsvTransactions.Summarise(new UnseekableStream(Encoding.UTF8.GetBytes(text)), summary, options);
            case "UTF-16 stream":
                return CsvTransactions.Summarise(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]), summary, options);
            default:
                using (var directory = new TempDirectory())
                {
                    var file = directory.File("log.csv");
                    File.WriteAllText(file, text);
                    return path == "file"
                        ? CsvTransactions.SummariseFile(file, summary, options)
                        : Internal.StreamingSummary.FromFile(file, summary, options, null, CancellationToken.None, chunkBytes: 1000);
                }
        }
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
