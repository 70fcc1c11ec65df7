using System.Globalization;
using System.Text;
using CustomerValue.Csv.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Csv.Tests;

/// <summary>
/// The streaming summary (hand-parsed UTF-8 on one or two threads, or the general reader for other inputs) against the
/// general path it replaces: every transaction read by <see cref="CsvTransactionReader"/> and summarised in memory.
/// </summary>
[Properties(Arbitrary = [typeof(Generators)], MaxTest = 150)]
public sealed class CsvFastPathTests
{
    private static readonly SummaryOptions AsOf2020 = new() { AsOf = new DateOnly(2020, 6, 30) };
    private static readonly CsvTransactionOptions Lenient = new() { Errors = CsvErrorMode.Lenient };

    public static TheoryData<string, string> AwkwardInputs => new()
    {
        { "quoted fields", "customer_id,date,amount\n\"A, Ltd\",2020-01-02,\"12.5\"\nB,2020-01-03,7\n\"C \"\"x\"\"\",2020-02-01,3\nA, Ltd,2020-01-04,1\nB,2020-01-05,2\n" },
        { "CRLF, lone CR and blank lines", "customer_id,date,amount\r\nA,2020-01-02,12.5\r\n\r\nB,2020-01-03,7\rC,2020-01-04,1\n\n   \nA,2020-03-01,2\r\n" },
        { "spaces and tabs around fields", "customer_id,date,amount\n  A\t,\t2020-01-02 , 12.5 \nB , 2020-01-03,7\n \" A\",2020-01-04,1\n" },
        { "bad rows in the middle", "customer_id,date,amount\nA,2020-01-02,12.5\nB,2020-13-01,3\nC,2020-01-02\nD,2020-01-02,1,2\n,2020-01-02,3\nE,2020-01-02,abc\nA,2020-02-02,1\n" },
        { "unclosed and stray quotes", "customer_id,date,amount\nA,2020-01-02,12.5\n\"B,2020-01-05,3\nC\"x,2020-01-05,3\nA,2020-03-04,7\n" },
        { "rows after the as-of date", "customer_id,date,amount\nA,2020-01-02,12.5\nA,2020-07-01,3\nB,2021-01-01,4\nB,2020-06-30,1\n" },
        { "returns", "customer_id,date,amount\nA,2020-01-02,12.5\nA,2020-01-03,-2.5\nR,2020-01-03,-4\nA,2020-05-03,-1\nR,2020-07-03,-4\nB,2020-02-02,-0\nB,2020-02-03,-0.00\n" },
        { "times, extra and reordered columns", "sku,amount,date,customer_id\nx,1.25,2020-01-02T10:00:00,A\ny,2,2020-01-02 23:59:59,A\nz,3,20200105,B\n" },
        { "amounts beyond units", "customer_id,date,amount\nA,2020-01-02,0.123456\nA,2020-03-02,1.5\nX,2020-03-02,0.123456\nX,2020-01-02,1.5\nX,2020-01-02,2.25\nX,2019-12-01,0.00001\nX,2020-06-01,-0.000001\nB,2020-01-02,123456789012345678\nB,2020-06-02,99999999999.99\nC,2020-01-02,+3\nC,2020-01-09,.5\n" },
        { "ids that are not plain ASCII", "customer_id,date,amount\nZoë,2020-01-02,1\n\u00A0,2020-01-02,2\n\v,2020-01-03,-3\nZoë,2020-02-02,4\n" },
        { "ids around 8 and 16 bytes", "customer_id,date,amount\nCUSTOMER-0000000000001,2020-01-02,1\nCUSTOMER-0000000000002,2020-01-02,2\nCUSTOMER-0000000000001,2020-02-02,3\nABCDEFGHIJKLMNOP,2020-01-01,1\nABCDEFGHIJKLMNOPQ,2020-01-01,2\nABCDEFGH,2020-01-01,4\nABCDEFGHI,2020-01-01,8\nABCDEFG,2020-01-01,16\nABCDEFGHI\u0000,2020-01-01,32\nABCDEFGHIJKLMNOPQ,2020-03-01,64\n" },
        { "lines longer than a vector", "customer_id,date,amount,note\nA,2020-01-02,12.5,a note long enough to pass thirty-two bytes\nB,2020-01-02,1,\"a quoted note, with a comma, long enough\"\nC,2020-13-02,1,a note long enough to pass thirty-two bytes\nD,2020-01-02,1,a note long enough,to pass thirty-two bytes\nE,2020-01-02,1\n  A  ,  2020-02-02  ,  7  ,  a note long enough to pass thirty-two bytes\n" },
        { "ids whose UTF-8 order is not their ordinal order", "customer_id,date,amount\n\uFF21,2020-01-02,1\n\U0001F600,2020-01-03,2\nA,2020-01-04,3\n\uFF21x,2020-02-02,4\n\U0001F600,2020-02-05,5\n" },
        { "BOM", "\uFEFFcustomer_id,date,amount\nA,2020-01-02,12.5\n" },
        { "no final line break", "customer_id,date,amount\nA,2020-01-02,12.5\nB,2020-01-03,7" },
    };

    [Theory]
    [MemberData(nameof(AwkwardInputs))]
    public void Summarise_AwkwardInput_EqualsTheGeneralPath(string name, string text)
    {
        foreach (var negative in Enum.GetValues<NegativeAmountHandling>())
        {
            foreach (var invalid in Enum.GetValues<InvalidTransactionHandling>())
            {
                var summary = AsOf2020 with { NegativeAmounts = negative, InvalidTransactions = invalid };
                AssertSameAsGeneral(Encoding.UTF8.GetBytes(text), summary, Lenient, name);
                AssertSameAsGeneral(Encoding.UTF8.GetBytes(text), summary, new CsvTransactionOptions(), name);
            }
        }
    }

    [Fact]
    public void Summarise_CommaDecimalsWithSemicolons_EqualsTheGeneralPath()
    {
        var options = new CsvTransactionOptions { Delimiter = ';', Culture = CultureInfo.GetCultureInfo("de-DE"), DateFormats = ["dd.MM.yyyy", "yyyy-MM-dd"], Errors = CsvErrorMode.Lenient };
        var text = "Kunde;Datum;Betrag\nC1;02.01.2020;12,50\nC2;2020-03-04;-7\nC1;2020-03-04;1.234,5\nC1;03.01.2020;0,125\n";

        AssertSameAsGeneral(Encoding.UTF8.GetBytes(text), AsOf2020 with { NegativeAmounts = NegativeAmountHandling.NetAsReturn }, options with { CustomerIdColumn = "Kunde", DateColumn = "Datum", AmountColumn = "Betrag" }, "de-DE");
    }

    [Fact]
    public void Summarise_IsoDatesAtCalendarEdges_EqualsTheGeneralPath()
    {
        string[] dates = ["2000-02-29", "1900-02-29", "2019-02-29", "2020-02-29", "2021-04-31", "2021-04-30", "0001-01-01", "0000-01-01", "9999-12-31", "2021-00-10", "2021-12-32", "2021-12-00", "2021-1-05", "2021-01-5x", "1600-02-29", "2100-02-29"];
        var text = "customer_id,date,amount\n" + string.Concat(dates.Select((d, i) => "C" + (i % 3).ToString(CultureInfo.InvariantCulture) + "," + d + ",1\n"));

        AssertSameAsGeneral(Encoding.UTF8.GetBytes(text), AsOf2020, Lenient, "calendar edges");
    }

    [Fact]
    public void Summarise_PeriodSetsFillSpillAndOverflow_EqualsTheGeneralPath()
    {
        // A customer's first 16 periods go to a set, a 17th moves them to a bitmap (and the older ones to the log);
        // periods 65,535 or more before the as-of period never fit a set. Each list is bought twice, the second time in
        // reverse, so repeats meet the set, the bitmap and the log.
        var asOf = new DateOnly(2020, 6, 30);
        int[] sixteen = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987];
        int[] seventeen = [1023, 1024, 1025, 3000, 65533, 65534, 0, 7, 14, 700, 1400, 2100, 2800, 3500, 4200, 4900, 5600, 6300];
        int[] old = [65535, 65536, 70000, 65534, 1, 2, 65535 * 7, (65535 * 7) + 6, (65534 * 7) + 6, 458000];
        var text = new StringBuilder("customer_id,date,amount\n");
        foreach (var (id, days) in new[] { ("S16", sixteen), ("S17", seventeen), ("OLD", old) })
        {
            foreach (var d in days.Concat(days.Reverse()))
            {
                text.Append(CultureInfo.InvariantCulture, $"{id},{asOf.AddDays(-d):yyyy-MM-dd},{d % 7}.5\n");
            }
        }

        foreach (var period in Enum.GetValues<SummaryPeriod>())
        {
            foreach (var frequency in Enum.GetValues<FrequencyDefinition>())
            {
                AssertSameAsGeneral(Encoding.UTF8.GetBytes(text.ToString()), AsOf2020 with { ModelPeriod = period, Frequency = frequency }, Lenient, "period sets " + period + " " + frequency);
            }
        }
    }

    [Fact]
    public void Summarise_IdsWithTheSameHash_StayTwoCustomers()
    {
        // Tables find a row's customer by the id hash first; two ids with one hash must still be told apart by their bytes.
        var byHash = new Dictionary<uint, string>();
        (string First, string Second)? pair = null;
        for (var i = 0; pair is null; i++)
        {
            var id = "K" + i.ToString(CultureInfo.InvariantCulture);
            var hash = IdKey.Of(Encoding.UTF8.GetBytes(id)).Hash;
            if (byHash.TryGetValue(hash, out var other))
            {
                pair = (other, id);
            }

            byHash[hash] = id;
        }

        var (a, b) = pair.Value;
        var text = $"customer_id,date,amount\n{a},2020-01-02,1\n{b},2020-01-03,2\n{a},2020-02-02,4\n{b},2020-03-03,8\n{b},2020-03-04,16\nZ,2020-01-01,32\n";

        AssertSameAsGeneral(Encoding.UTF8.GetBytes(text), AsOf2020, Lenient, a + " and " + b);
    }

    [Fact]
    public void Summarise_InvalidUtf8Ids_EqualsTheGeneralPath()
    {
        // Each id decodes with a replacement character, so the customer is the decoded string, not the bytes.
        byte[] bytes = [.. "customer_id,date,amount\n"u8, 0xC3, 0x28, .. ",2020-01-02,1\nB,2020-01-03,2\n"u8, 0xFF, .. ",2020-01-04,3\n"u8, 0xC3, 0x28, .. ",2020-02-02,4\n"u8];

        AssertSameAsGeneral(bytes, AsOf2020, Lenient, "invalid UTF-8");
    }

    [Fact]
    public void Summarise_Utf16WithByteOrderMark_EqualsTheGeneralPath()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("customer_id,date,amount\nA,2020-01-02,12.5\nB,2020-01-03,7\n")).ToArray();

        AssertSameAsGeneral(bytes, AsOf2020, Lenient, "UTF-16");
    }

    [Theory]
    [InlineData(SummaryPeriod.Day, FrequencyDefinition.Orders, MonetaryDefinition.Total)]
    [InlineData(SummaryPeriod.Week, FrequencyDefinition.PurchaseDays, MonetaryDefinition.AverageOrderValue)]
    [InlineData(SummaryPeriod.Week, FrequencyDefinition.Orders, MonetaryDefinition.Total)]
    public void SummariseFile_ManyRowsOnTwoThreads_EqualsTheGeneralPath(SummaryPeriod period, FrequencyDefinition frequency, MonetaryDefinition monetary)
    {
        var random = new Random(11);
        var text = new StringBuilder("customer_id,date,amount\n");
        for (var i = 0; i < 30_000; i++)
        {
            var line = random.Next(200) switch
            {
                0 => "\"Q, " + random.Next(50) + "\",2020-01-02,5",
                1 => "X,2020-02-30,1",
                2 => "C" + random.Next(3000) + ",2020-01-02,-" + random.Next(1, 99),
                < 20 => string.Create(CultureInfo.InvariantCulture, $"CUSTOMER-WITH-A-LONG-ID-{random.Next(2000)},{new DateTime(2018, 1, 1).AddDays(random.Next(1000)):yyyy-MM-dd},{random.Next(1, 100_000) / 100m}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"C{random.Next(3000)},{new DateTime(2018, 1, 1).AddDays(random.Next(1000)):yyyy-MM-dd},{random.Next(1, 100_000) / 100m}"),
            };
            text.Append(line).Append(random.Next(3) == 0 ? "\r\n" : "\n");
        }

        var summary = new SummaryOptions
        {
            AsOf = new DateOnly(2020, 3, 1), ModelPeriod = period, Frequency = frequency, Monetary = monetary,
            NegativeAmounts = NegativeAmountHandling.NetAsReturn, InvalidTransactions = InvalidTransactionHandling.Skip,
        };
        AssertSameAsGeneral(Encoding.UTF8.GetBytes(text.ToString()), summary, Lenient, "30,000 rows");
    }

    [Fact]
    public void SummariseFile_StrictErrorInTheSecondHalf_ThrowsItWithItsLine()
    {
        var text = new StringBuilder("customer_id,date,amount\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{i % 70},2020-01-{1 + (i % 28):00},{i}.5\r\n");
        }

        text.Append("C1,2020-01-01,abc\nC2,2020-01-01,1\n");

        AssertSameAsGeneral(Encoding.UTF8.GetBytes(text.ToString()), AsOf2020, new CsvTransactionOptions(), "strict");
    }

    // With 1,000-byte chunks the two bad rows are dozens of chunks apart, read by either thread in either order.
    [Theory]
    [InlineData("abc")]
    [InlineData("-4")]
    public void SummariseFile_StrictErrorsInTwoChunks_ThrowsTheFirstInTheFile(string badAmount)
    {
        for (var run = 0; run < 5; run++)
        {
            var text = new StringBuilder("customer_id,date,amount\n");
            for (var i = 0; i < 5000; i++)
            {
                var amount = i == 1500 || i == 3500 + (run * 100) ? badAmount : i + ".5";
                text.Append(CultureInfo.InvariantCulture, $"C{i % 70},2020-01-{1 + (i % 28):00},{amount}\n");
            }

            AssertSameAsGeneral(Encoding.UTF8.GetBytes(text.ToString()), AsOf2020, new CsvTransactionOptions(), "two strict errors, run " + run);
        }
    }

    [Fact]
    public void SummariseFile_Progress_EndsWithEveryRowAndByte()
    {
        using var directory = new TempDirectory();
        var path = directory.File("log.csv");
        File.WriteAllText(path, "customer_id,date,amount\n" + string.Concat(Enumerable.Repeat("C1,2020-01-02,1\nC2,2020-01-03,2\n", 3000)));
        var reports = new List<CsvProgress>();

        StreamingSummary.FromFile(path, AsOf2020, new CsvTransactionOptions(), new SynchronousProgress(reports), CancellationToken.None, chunkBytes: 1000);

        Assert.Equal(new CsvProgress(6000, new FileInfo(path).Length), reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1)).All(pair => pair.First.Rows <= pair.Second.Rows && pair.First.Bytes <= pair.Second.Bytes));
    }

    [Property]
    public Property Summarise_AnySmallExport_EqualsTheGeneralPath(GeneratedExport export)
    {
        AssertSameAsGeneral(Encoding.UTF8.GetBytes(export.Text), export.Summary, new CsvTransactionOptions { Errors = export.Errors }, export.Text);
        return true.ToProperty();
    }

    [Property]
    public Property Summarise_PeriodsSpreadOverDecades_EqualsTheGeneralPath(SpreadExport export)
    {
        AssertSameAsGeneral(Encoding.UTF8.GetBytes(export.Text), export.Summary, Lenient, export.Text);
        return true.ToProperty();
    }

    [Fact]
    public void SummariseFile_MoreRowsThanABatch_EqualsTheInMemorySummaries()
    {
        // More rows per table than one batch of queued rows, so shards take rows several times while the file is read.
        var random = new Random(3);
        var start = new DateTime(2016, 1, 1);
        var log = new Transaction[700_000];
        var text = new StringBuilder("customer_id,date,amount\n");
        for (var i = 0; i < log.Length; i++)
        {
            log[i] = new Transaction("K" + random.Next(60_000).ToString(CultureInfo.InvariantCulture), start.AddDays(random.Next(1800)), random.Next(-200, 100_000) / 100m);
            text.Append(CultureInfo.InvariantCulture, $"{log[i].CustomerId},{log[i].Timestamp:yyyy-MM-dd},{log[i].Amount}\n");
        }

        var summary = new SummaryOptions { AsOf = new DateOnly(2020, 6, 30), NegativeAmounts = NegativeAmountHandling.NetAsReturn };
        var expected = CustomerSummaries.FromTransactions(log, summary);
        using var directory = new TempDirectory();
        var path = directory.File("log.csv");
        File.WriteAllText(path, text.ToString());

        var actual = CsvTransactions.SummariseFile(path, summary).Summary;

        Assert.Equal(expected.Customers.CustomerIds, actual.Customers.CustomerIds);
        foreach (var column in expected.Customers.Columns)
        {
            Assert.True(((NumericColumn)column).Values.ToArray().SequenceEqual(actual.Customers.GetNumeric(column.Name).Values.ToArray()), column.Name);
        }

        Assert.Equal(expected.Issues, actual.Issues);
        Assert.Equal(expected.ReturnsNetted, actual.ReturnsNetted);
    }

    private static void AssertSameAsGeneral(byte[] bytes, SummaryOptions summary, CsvTransactionOptions options, string name)
    {
        var expected = General(bytes, summary, options);
        using var directory = new TempDirectory();
        var path = directory.File("log.csv");
        File.WriteAllBytes(path, bytes);
        var actuals = new (string Path, Func<CsvSummaryImport> Read)[]
        {
            ("stream", () => CsvTransactions.Summarise(new MemoryStream(bytes), summary, options)),
            ("file, two threads", () => StreamingSummary.FromFile(path, summary, options, null, CancellationToken.None, chunkBytes: 1000)),
            ("file", () => CsvTransactions.SummariseFile(path, summary, options)),
            ("unseekable stream", () => CsvTransactions.Summarise(new UnseekableStream(bytes), summary, options)),
        };
        string? strictMessage = null;
        foreach (var (how, read) in actuals)
        {
            var context = name + " (" + how + ", " + summary.NegativeAmounts + ", " + summary.InvalidTransactions + ", " + options.Errors + ")";
            if (expected.Error is InvalidTransactionException invalid)
            {
                // The in-memory summaries name the index among accepted rows; a file import names the row's line, column and text.
                var actual = Assert.IsType<InvalidTransactionException>(Record.Exception(read));
                Assert.Equal(invalid.Issue, actual.Issue);
                Assert.StartsWith(expected.Rows![invalid.Issue.Index].Where(invalid.Issue.Reason), actual.Message, StringComparison.Ordinal);
                Assert.Contains("SummaryOptions.InvalidTransactions to Skip", actual.Message, StringComparison.Ordinal);
                strictMessage ??= actual.Message;
                Assert.Equal(strictMessage, actual.Message);
                continue;
            }

            if (expected.Error is { } error)
            {
                var actual = Record.Exception(read);
                Assert.True(actual is not null, context + ": expected " + error.Message);
                Assert.Equal((error.GetType(), error.Message), (actual.GetType(), actual.Message));
                Assert.Equal((error as CsvImportException)?.Reject, (actual as CsvImportException)?.Reject);
                continue;
            }

            var import = read();
            var result = import.Summary;
            Assert.True(expected.Result!.Customers.CustomerIds.SequenceEqual(result.Customers.CustomerIds), context + ": customer ids");
            foreach (var column in expected.Result.Customers.Columns)
            {
                Assert.True(((NumericColumn)column).Values.ToArray().SequenceEqual(result.Customers.GetNumeric(column.Name).Values.ToArray()), context + ": " + column.Name);
            }

            Assert.Equal(expected.Result.TransactionsRead, result.TransactionsRead);
            Assert.Equal(expected.Result.ReturnsNetted, result.ReturnsNetted);
            Assert.Equal(expected.Result.Issues, result.Issues);
            Assert.Equal(expected.Result.Issues.Select(i => expected.Rows![i.Index].Line), result.Issues.Select(import.LineOf));
            Assert.Equal(result.Issues, import.Issues.Select(i => i.Issue));
            Assert.Equal(
                expected.Result.Issues.Select(i => (expected.Rows![i.Index].Line, expected.Rows[i.Index].Field(i.Reason))),
                import.Issues.Select(i => (i.LineNumber, (i.Column, i.Value))));
            Assert.All(import.Issues, i => Assert.StartsWith(expected.Rows![i.Issue.Index].Where(i.Issue.Reason), i.Message, StringComparison.Ordinal));
            Assert.Equal((expected.Report!.RowsRead, expected.Report.RowsAccepted), (import.Report.RowsRead, import.Report.RowsAccepted));
            Assert.Equal(expected.Report.Rejects, import.Report.Rejects);
            Assert.Equal(Enum.GetValues<CsvRejectReason>().Select(expected.Report.CountOf), Enum.GetValues<CsvRejectReason>().Select(import.Report.CountOf));
        }
    }

    // The general path: the reader's transactions (with the line and fields of each) summarised in memory. In strict
    // summaries a row they reject fails the read where it stands in the file, before any later CSV error.
    private static (SummaryResult? Result, CsvReadReport? Report, ReadRow[]? Rows, Exception? Error) General(byte[] bytes, SummaryOptions summary, CsvTransactionOptions options)
    {
        var rows = new List<ReadRow>();
        try
        {
            using var reader = CsvTransactionReader.Create(new MemoryStream(bytes), options);
            var (id, date, amount) = reader.Columns;
            var transactions = new List<Transaction>();
            var one = new Transaction[1];
            while (reader.ReadBatch(one) == 1)
            {
                var fields = reader.Source.Reader;
                transactions.Add(one[0]);
                rows.Add(new ReadRow(
                    reader.Source.LineNumber, (reader.CustomerIdColumn!, reader.DateColumn!, reader.AmountColumn!),
                    (Encoding.UTF8.GetString(fields.GetSpan(id)), Encoding.UTF8.GetString(fields.GetSpan(date)), Encoding.UTF8.GetString(fields.GetSpan(amount)))));
                if (summary.InvalidTransactions == InvalidTransactionHandling.Throw && (one[0].Amount < 0 || string.IsNullOrWhiteSpace(one[0].CustomerId)))
                {
                    CustomerSummaries.FromTransactions(transactions, summary);
                }
            }

            var report = reader.GetReport();
            if (transactions.Count == 0)
            {
                throw new CsvImportException(string.Create(CultureInfo.InvariantCulture,
                    $"The file has no transaction to summarise: {report.RowsRead} rows read, {report.RowsRejected} rejected (see the rejects with CsvErrorMode.Lenient)."));
            }

            return (CustomerSummaries.FromTransactions(transactions, summary), report, [.. rows], null);
        }
        catch (Exception exception) when (exception is CsvImportException or InvalidTransactionException)
        {
            return (null, null, [.. rows], exception);
        }
    }

    /// <summary>An accepted row as the general reader saw it: its line, the headers read and the text of the id, date and amount.</summary>
    private sealed record ReadRow(long Line, (string Id, string Date, string Amount) Headers, (string Id, string Date, string Amount) Text)
    {
        // The field an issue is about: the id when it is blank, the date when it is too late, the amount for a return.
        public (string Column, string Value) Field(TransactionIssueReason reason) => reason switch
        {
            TransactionIssueReason.MissingCustomerId => (Headers.Id, Text.Id),
            TransactionIssueReason.AfterAsOfDate => (Headers.Date, Text.Date),
            _ => (Headers.Amount, Text.Amount),
        };

        public string Where(TransactionIssueReason reason)
        {
            var (column, value) = Field(reason);
            return string.Create(CultureInfo.InvariantCulture, $"Line {Line}, column '{column}': '{value}' ");
        }
    }

    private sealed class SynchronousProgress(List<CsvProgress> reports) : IProgress<CsvProgress>
    {
        public void Report(CsvProgress value) => reports.Add(value);
    }
}

/// <summary>A small generated export whose periods spread over decades, with the options to summarise it.</summary>
public sealed record SpreadExport(string Text, SummaryOptions Summary)
{
    public override string ToString() => Text.Replace("\n", "\\n", StringComparison.Ordinal) + " " + Summary;
}

/// <summary>A small generated export with the options to read and summarise it.</summary>
public sealed record GeneratedExport(string Text, SummaryOptions Summary, CsvErrorMode Errors)
{
    public override string ToString() => Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + " " + Summary + " " + Errors;
}
