using System.Globalization;
using System.Text;
using Xunit;
using static CustomerValue.Csv.Tests.CsvInput;

namespace CustomerValue.Csv.Tests;

public sealed class CsvTransactionReaderTests
{
    private static readonly Transaction[] Expected = [T("C1", "2020-01-02", 12.5m), T("C2", "2020-03-04", 7m)];

    [Theory]
    [InlineData("customer_id,date,amount")]
    [InlineData("CustomerID,InvoiceDate,Revenue")]
    [InlineData("client,order_date,total")]
    [InlineData("Customer ID,Timestamp,Value")]
    [InlineData("client-id,ORDER DATE,price")]
    public void ReadAll_AliasHeaders_MapsEveryColumn(string header)
    {
        var (rows, report) = Transactions(header + "\nC1,2020-01-02,12.5\nC2,2020-03-04,7\n");

        Assert.Equal(Expected, rows);
        Assert.Equal(2, report.RowsAccepted);
    }

    [Fact]
    public void ReadAll_ReorderedAndExtraColumns_ReadsByHeaderName()
    {
        var (rows, _) = Transactions("amount,note,date,sku,customer_id\n12.5,first,2020-01-02,X,C1\n7,,2020-03-04,Y,C2\n");

        Assert.Equal(Expected, rows);
    }

    [Fact]
    public void Open_ExplicitColumnNames_OverrideTheAliases()
    {
        var options = new CsvTransactionOptions { CustomerIdColumn = "Kunde", DateColumn = "Datum", AmountColumn = "net" };
        using var reader = CsvTransactionReader.Create(Stream("customer_id,Kunde,Datum,date,amount,net\nX,C1,2020-01-02,1999-01-01,1,12.5\n"), options);

        Assert.Equal([T("C1", "2020-01-02", 12.5m)], reader.ReadAll().ToArray());
        Assert.Equal(("Kunde", "Datum", "net"), (reader.CustomerIdColumn, reader.DateColumn, reader.AmountColumn));
    }

    [Fact]
    public void Open_MissingAmountColumn_ThrowsNamingTheHeaderAndTheOption()
    {
        var error = Assert.Throws<CsvImportException>(() => Transactions("customer_id,date,quantity\nC1,2020-01-02,3\n"));

        Assert.Contains("No amount column", error.Message, StringComparison.Ordinal);
        Assert.Contains("'quantity'", error.Message, StringComparison.Ordinal);
        Assert.Contains("revenue", error.Message, StringComparison.Ordinal);
        Assert.Contains("CsvTransactionOptions.AmountColumn", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Reject);
    }

    [Fact]
    public void Open_ExplicitColumnNotInHeader_ThrowsNamingIt()
    {
        var options = new CsvTransactionOptions { DateColumn = "booked_on" };

        var error = Assert.Throws<CsvImportException>(() => Transactions("customer_id,date,amount\nC1,2020-01-02,3\n", options));

        Assert.Contains("'booked_on'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CsvTransactionOptions.DateColumn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_GermanCultureSemicolonsAndCommaDecimals_ParsesAmounts()
    {
        var options = new CsvTransactionOptions
        {
            Delimiter = ';',
            Culture = CultureInfo.GetCultureInfo("de-DE"),
            DateFormats = ["dd.MM.yyyy", "yyyy-MM-dd"],
        };

        var (rows, _) = Transactions("Kundennummer;Datum;Betrag\nC1;02.01.2020;12,50\nC2;2020-03-04;-7\n", options with { CustomerIdColumn = "Kundennummer", DateColumn = "Datum", AmountColumn = "Betrag" });

        Assert.Equal([T("C1", "2020-01-02", 12.50m), T("C2", "2020-03-04", -7m)], rows);
    }

    [Fact]
    public void ReadAll_WrongCultureForCommaDecimals_RejectsInsteadOfMisreading()
    {
        // "12,50" in a semicolon file read with the invariant culture must not become 1250.
        var options = new CsvTransactionOptions { Delimiter = ';', Errors = CsvErrorMode.Lenient };

        var (rows, report) = Transactions("customer_id;date;amount\nC1;2020-01-02;12,50\nC2;2020-01-02;1,234.50\n", options);

        Assert.Empty(rows);
        Assert.Equal(2, report.CountOf(CsvRejectReason.BadNumber));
    }

    [Fact]
    public void ReadAll_QuotedFieldsWithDelimitersAndQuotes_Unquotes()
    {
        var (rows, _) = Transactions("customer_id,date,amount\n\"Smith, \"\"Jr\"\"\",2020-01-02,\"12.5\"\n");

        Assert.Equal([T("Smith, \"Jr\"", "2020-01-02", 12.5m)], rows);
    }

    [Fact]
    public void ReadAll_CrlfLineEndings_ReadLikeLf()
    {
        var (rows, report) = Transactions("customer_id,date,amount\r\nC1,2020-01-02,12.5\r\nC2,2020-03-04,7\r\n");

        Assert.Equal(Expected, rows);
        Assert.Equal(0, report.RowsRejected);
    }

    [Fact]
    public void ReadAll_Utf8ByteOrderMark_HeaderStillMatches()
    {
        using var reader = CsvTransactionReader.Create(Stream("customer_id,date,amount\nC1,2020-01-02,12.5\nC2,2020-03-04,7\n", byteOrderMark: true));

        Assert.Equal("customer_id", reader.Headers[0]);
        Assert.Equal(Expected, reader.ReadAll().ToArray());
    }

    [Fact]
    public void ReadAll_EmptyFile_NoRowsAndNoColumns()
    {
        using var reader = CsvTransactionReader.Create(Stream(""));

        Assert.Empty(reader.ReadAll());
        Assert.Empty(reader.Headers);
        Assert.Null(reader.CustomerIdColumn);
        Assert.Equal(0, reader.GetReport().RowsRead);
    }

    [Fact]
    public void ReadAll_HeaderOnly_NoRows()
    {
        var (rows, report) = Transactions("customer_id,date,amount\n");

        Assert.Empty(rows);
        Assert.Equal((0L, 0L, 0L), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
    }

    [Theory]
    [InlineData(CsvErrorMode.Strict)]
    [InlineData(CsvErrorMode.Lenient)]
    public void Open_GarbageBytes_ThrowsCsvImportExceptionAboutTheHeader(CsvErrorMode mode)
    {
        var bytes = new byte[4096];
        new Random(20260101).NextBytes(bytes);

        var error = Assert.Throws<CsvImportException>(() => CsvTransactionReader.Create(new MemoryStream(bytes), new CsvTransactionOptions { Errors = mode }));

        Assert.Contains("header", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Reject);
    }

    [Fact]
    public void ReadAll_GarbageBytesAfterAValidHeader_EveryRowIsAccountedFor()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        var input = new MemoryStream([.. "customer_id,date,amount\nC1,2020-01-02,12.5\n"u8, .. bytes, .. "\nC2,2020-03-04,7\n"u8]);

        using var reader = CsvTransactionReader.Create(input, new CsvTransactionOptions { Errors = CsvErrorMode.Lenient });
        var rows = reader.ReadAll().ToArray();
        var report = reader.GetReport();

        Assert.Equal(Expected, rows);
        Assert.True(report.RowsRejected > 0);
        Assert.Equal(report.RowsRead, report.RowsAccepted + report.RowsRejected);
    }

    [Fact]
    public void ReadAll_BadRowInTheMiddle_RowsBeforeAndAfterSurvive()
    {
        var (rows, report) = Lenient("customer_id,date,amount\nC1,2020-01-02,12.5\nC9,2020-13-01,3\nC2,2020-03-04,7\n");

        Assert.Equal(Expected, rows);
        var reject = Assert.Single(report.Rejects);
        Assert.Equal(new CsvReject(3, CsvRejectReason.BadDate, "date", "2020-13-01", "C9,2020-13-01,3", reject.Message), reject);
        Assert.Equal((3L, 2L, 1L), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
    }

    [Fact]
    public void ReadAll_UnclosedQuote_OnlyThatRowIsLost()
    {
        var (rows, report) = Lenient("customer_id,date,amount\nC1,2020-01-02,12.5\n\"C9,2020-01-05,3\nC2,2020-03-04,7\n");

        Assert.Equal(Expected, rows);
        var reject = Assert.Single(report.Rejects);
        Assert.Equal((3L, CsvRejectReason.UnclosedQuote, "\"C9,2020-01-05,3"), (reject.LineNumber, reject.Reason, reject.RawText));
    }

    [Fact]
    public void ReadAll_StrayQuote_RejectsTheRowAsMalformed()
    {
        var (rows, report) = Lenient("customer_id,date,amount\nC1,2020-01-02,12.5\nO\"Brien,2020-01-05,3\nC2,2020-03-04,7\n");

        Assert.Equal(Expected, rows);
        Assert.Equal(CsvRejectReason.MalformedQuote, Assert.Single(report.Rejects).Reason);
    }

    [Theory]
    [InlineData("C9,2020-01-05", CsvRejectReason.MissingField, "amount")]
    [InlineData("C9,2020-01-05,3,4", CsvRejectReason.ExtraField, null)]
    [InlineData(",2020-01-05,3", CsvRejectReason.EmptyCustomerId, "customer_id")]
    [InlineData("\"  \",2020-01-05,3", CsvRejectReason.EmptyCustomerId, "customer_id")]
    [InlineData("C9,,3", CsvRejectReason.BadDate, "date")]
    [InlineData("C9,2021-02-29,3", CsvRejectReason.BadDate, "date")]
    [InlineData("C9,2020-01-05,", CsvRejectReason.BadNumber, "amount")]
    [InlineData("C9,2020-01-05,12.5EUR", CsvRejectReason.BadNumber, "amount")]
    public void ReadAll_BadRow_RejectedWithReasonAndColumn(string row, CsvRejectReason reason, string? column)
    {
        var (rows, report) = Lenient("customer_id,date,amount\n" + row + "\nC1,2020-01-02,12.5\n");

        Assert.Equal([T("C1", "2020-01-02", 12.5m)], rows);
        var reject = Assert.Single(report.Rejects);
        Assert.Equal((2L, reason, column, row), (reject.LineNumber, reject.Reason, reject.Column, reject.RawText));
        Assert.Equal(1, report.CountOf(reason));
    }

    [Fact]
    public void ReadAll_StrictMode_MessageNamesLineColumnValueAndOption()
    {
        var error = Assert.Throws<CsvImportException>(() => Transactions("customer_id,date,amount\nC1,2020-01-02,12.5\n\nC2,2020-03-04,twelve\n"));

        Assert.Equal(
            "Line 4, column 'amount': 'twelve' is not a number in culture 'invariant' (decimal separator '.', no thousands separators). "
            + "Set CsvTransactionOptions.Errors to Lenient to skip such rows and get them back in the report's rejects.",
            error.Message);
        Assert.Equal((4L, CsvRejectReason.BadNumber, "amount", "twelve"), (error.Reject!.LineNumber, error.Reject.Reason, error.Reject.Column, error.Reject.Value));
    }

    [Fact]
    public void ReadAll_StrictModeUnclosedQuote_ThrowsWithTheLine()
    {
        var error = Assert.Throws<CsvImportException>(() => Transactions("customer_id,date,amount\n\"C1,2020-01-02,12.5\nC2,2020-03-04,7\n"));

        Assert.StartsWith("Line 2 has a quoted field that is not closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("CsvTransactionOptions.Errors", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-01-02", "2020-01-02T00:00:00")]
    [InlineData("20200102", "2020-01-02T00:00:00")]
    [InlineData("2020-01-02 13:45:10", "2020-01-02T13:45:10")]
    [InlineData("2020-01-02T13:45:10", "2020-01-02T13:45:10")]
    [InlineData(" 2020-01-02 ", "2020-01-02T00:00:00")]
    public void ReadAll_DefaultDateFormats_ParseTheTimestamp(string date, string expected)
    {
        var (rows, _) = Transactions("customer_id,date,amount\nC1," + date + ",1\n");

        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture), Assert.Single(rows).Timestamp);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("-12.50")]
    [InlineData("0.1")]
    [InlineData(".5")]
    [InlineData("+3")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789012.25")]
    [InlineData("-0.000000000000000001")]
    public void ReadAll_Amounts_ParseExactlyAsDecimalParse(string amount)
    {
        var (rows, _) = Transactions("customer_id,date,amount\nC1,2020-01-02," + amount + "\n");

        var parsed = Assert.Single(rows).Amount;
        var expected = decimal.Parse(amount, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.Equal(expected, parsed);
        Assert.Equal(expected.Scale, parsed.Scale);
    }

    [Fact]
    public void ReadBatch_ManyRows_ReportsProgressAndSharesIdStrings()
    {
        var text = new StringBuilder("customer_id,date,amount\n");
        for (var i = 0; i < 70_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{i % 10},2020-01-02,{i}\n");
        }

        var reports = new List<CsvProgress>();
        using var reader = CsvTransactionReader.Create(Stream(text.ToString()), progress: new SynchronousProgress(reports));
        var rows = reader.ReadAll().ToArray();

        Assert.Equal(70_000, rows.Length);
        Assert.Same(rows[0].CustomerId, rows[10].CustomerId);
        Assert.Equal(new CsvProgress(70_000, text.Length), reports[^1]);
        Assert.Contains(reports, p => p.Rows == 65_536);
    }

    [Fact]
    public void ReadAll_Cancelled_ThrowsOperationCanceled()
    {
        var text = new StringBuilder("customer_id,date,amount\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("C1,2020-01-02,1\n");
        }

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var reader = CsvTransactionReader.Create(Stream(text.ToString()));

        Assert.Throws<OperationCanceledException>(() => reader.ReadAll(cancelled.Token).ToArray());
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('é')]
    public void Create_InvalidDelimiter_Throws(char delimiter)
        => Assert.Throws<ArgumentOutOfRangeException>(() => CsvTransactionReader.Create(Stream("a\n"), new CsvTransactionOptions { Delimiter = delimiter }));

    [Fact]
    public void Create_NoDateFormats_Throws()
        => Assert.Throws<ArgumentException>(() => CsvTransactionReader.Create(Stream("a\n"), new CsvTransactionOptions { DateFormats = [] }));

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new CsvTransactionOptions();

        Assert.Equal(',', options.Delimiter);
        Assert.Same(CultureInfo.InvariantCulture, options.Culture);
        Assert.Equal(["yyyy-MM-dd", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"], options.DateFormats);
        Assert.Equal(CsvErrorMode.Strict, options.Errors);
        Assert.Null(options.CustomerIdColumn);
    }

    private sealed class SynchronousProgress(List<CsvProgress> reports) : IProgress<CsvProgress>
    {
        public void Report(CsvProgress value) => reports.Add(value);
    }
}
