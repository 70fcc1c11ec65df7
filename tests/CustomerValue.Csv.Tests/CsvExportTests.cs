using System.Text;
using Xunit;
using static CustomerValue.Csv.Tests.CsvInput;

namespace CustomerValue.Csv.Tests;

public sealed class CsvExportTests
{
    [Fact]
    public void WriteFrame_FormulaLikeText_IsNeutralisedButNumbersAreNot()
    {
        var frame = CustomerFrame.Create(
            ["=HYPERLINK(\"x\")", "C2"],
            [
                new TextColumn("note", ["+1+1", "@SUM(A1)"]),
                new CategoryColumn("tier", ["-A", "B"]),
                new NumericColumn("balance", [-5, 2.5]),
                new ScoreColumn("r_score", 5, [1, 5]),
            ]);

        var lines = Written(frame);

        Assert.Equal(
            [
                "customer_id,note,tier,balance,r_score",
                "\"'=HYPERLINK(\"\"x\"\")\",'+1+1,'-A,-5,1",
                "C2,'@SUM(A1),B,2.5,5",
            ],
            lines);
    }

    [Fact]
    public void WriteFrame_FormulaLikeColumnName_IsNeutralised()
    {
        var frame = CustomerFrame.Create(["C1"], [new NumericColumn("=cmd", [1])]);

        Assert.Equal("customer_id,'=cmd", Written(frame)[0]);
    }

    [Fact]
    public void WriteFrame_ReadBackAsAttributes_GivesTheOriginalValues()
    {
        var frame = CustomerFrame.Create(
            ["C1", "Smith, \"Jr\"", "C3"],
            [
                new NumericColumn("revenue", [0.1 + 0.2, -1e-7, double.NaN]),
                new NumericColumn("orders", [3, 0, 12345678901]),
                new TextColumn("manager", ["Ann, Sales", null, "Bob \"B\""]),
                new CategoryColumn("segment", ["Champions", "Lost", null]),
            ]);
        using var directory = new TempDirectory();
        var path = directory.File("scores.csv");

        CsvExport.WriteFrameToFile(frame, path);
        var read = CsvAttributes.ReadFile(path).Customers;

        Assert.Equal(frame.CustomerIds, read.CustomerIds);
        Assert.Equal(frame.Columns.Select(c => c.Name), read.Columns.Select(c => c.Name));
        foreach (var name in new[] { "revenue", "orders" })
        {
            Assert.Equal(frame.GetNumeric(name).Values.ToArray(), read.GetNumeric(name).Values.ToArray());
        }

        Assert.Equal(Enumerable.Range(0, 3).Select(i => frame.GetText("manager")[i]), Enumerable.Range(0, 3).Select(i => read.GetText("manager")[i]));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => frame.GetCategory("segment")[i]), Enumerable.Range(0, 3).Select(i => read.GetText("segment")[i]));
    }

    [Fact]
    public void WriteRejectsToFile_LenientRead_WritesEveryRejectWithLineReasonAndRawText()
    {
        var (_, report) = Lenient("customer_id,date,amount\nC1,2020-01-02,1\n=C2,2020-01-99,3\n\"C3,2020-01-02,1\nC4,2020-01-02,x\n");
        using var directory = new TempDirectory();
        var path = directory.File("rejects.csv");

        CsvExport.WriteRejectsToFile(report.Rejects, path);
        var lines = File.ReadAllLines(path);

        Assert.Equal(4, lines.Length);
        Assert.Equal("line,reason,column,value,message,raw_text", lines[0]);
        Assert.StartsWith("3,BadDate,date,2020-01-99,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"'=C2,2020-01-99,3\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("4,UnclosedQuote,,,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("5,BadNumber,amount,x,", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void WriteIssues_SummaryIssues_OneRowEach()
    {
        var summary = CustomerSummaries.FromTransactions(
            [T("A", "2020-01-01", 5), T("B", "2020-01-01", -2)],
            new SummaryOptions { AsOf = new DateOnly(2020, 6, 30), InvalidTransactions = InvalidTransactionHandling.Skip });
        using var output = new MemoryStream();

        CsvExport.WriteIssues(summary, output);

        Assert.Equal(
            ["index,reason,customer_id,timestamp,amount", "1,NegativeAmount,B,2020-01-01T00:00:00,-2"],
            Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void WriteFrame_Progress_ReportsTheRowsAndBytesAtTheEnd()
    {
        var frame = CustomerFrame.Create(["C1", "C2"], [new NumericColumn("x", [1, 2])]);
        var reports = new List<CsvProgress>();
        using var output = new MemoryStream();

        CsvExport.WriteFrame(frame, output, progress: new Recorder(reports));

        Assert.Equal(new CsvProgress(2, output.Length), Assert.Single(reports));
    }

    [Fact]
    public void WriteFrame_SemicolonAndByteOrderMark_AsOptionsSay()
    {
        var frame = CustomerFrame.Create(["C1"], [new NumericColumn("x", [1.5])]);
        using var output = new MemoryStream();

        CsvExport.WriteFrame(frame, output, new CsvWriteOptions { Delimiter = ';', ByteOrderMark = true });

        Assert.Equal([0xEF, 0xBB, 0xBF, .. "customer_id;x\r\nC1;1.5\r\n"u8], output.ToArray());
    }

    private static string[] Written(CustomerFrame frame)
    {
        using var output = new MemoryStream();
        CsvExport.WriteFrame(frame, output);
        return Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private sealed class Recorder(List<CsvProgress> reports) : IProgress<CsvProgress>
    {
        public void Report(CsvProgress value) => reports.Add(value);
    }
}
