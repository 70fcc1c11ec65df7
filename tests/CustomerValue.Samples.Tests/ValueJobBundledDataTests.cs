using System.Globalization;
using CustomerValue;
using ValueJob;
using Xunit;

namespace CustomerValue.Samples.Tests;

public sealed class ValueJobBundledDataTests(BundledRunFixture fixture) : IClassFixture<BundledRunFixture>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private JobRun Run => fixture.Run;

    private static BundledExport Export => BundledExport.Instance;

    [Fact]
    public void Run_BundledData_ExitsZeroWithCleanStderr()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);

        // A 1.5 MB file read with stderr redirected must not print progress.
        Assert.Equal(string.Empty, Run.Stderr);
    }

    [Fact]
    public void Run_BundledData_PrintsRowsReadAcceptedAndRejectedOfTheFile()
    {
        Assert.Equal(59_225, Export.DataRows);
        Assert.Equal(Export.DataRows, Run.Count("Read", "rows read"));
        Assert.Equal(Export.Rows.Count, Run.Count("Read", "accepted"));
        Assert.Equal(Export.BadLines.Count, Run.Count("Read", "rejected"));
    }

    [Fact]
    public void Run_BundledData_PrintsRejectReasonCounts()
    {
        var line = Run.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("rejected", StringComparison.Ordinal) && l.Contains("BadDate", StringComparison.Ordinal));

        Assert.Contains("BadDate 5", line, StringComparison.Ordinal);
        Assert.Contains("BadNumber 5", line, StringComparison.Ordinal);
        Assert.Contains("EmptyCustomerId 5", line, StringComparison.Ordinal);
        Assert.Contains("UnclosedQuote 5", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BundledData_PrintsCustomersAndReturnsOfTheFile()
    {
        Assert.Equal(5_000, Export.Customers);
        Assert.Equal(Export.Customers, Run.Count("Summaries", "customers"));
        Assert.Equal(Export.Rows.Count, Run.Count("Summaries", "transactions used"));
        Assert.Equal(0, Run.Count("Summaries", "excluded"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{Export.Rows.Count(r => r.Amount < 0):N0} returns netted"), Run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BundledData_JoinsEveryCustomerToItsAttributes()
    {
        var attributeRows = File.ReadLines(JobRun.CustomersFile).Count() - 1;

        Assert.Equal(attributeRows, Run.Count("Attributes", "rows read"));
        Assert.Equal(0, Run.Count("Attributes", "rejected"));
        Assert.Equal(Export.Customers, Run.Count("Attributes", "customers matched"));
    }

    [Fact]
    public void Run_BundledData_SegmentTableTotalsEveryCustomerAndOrder()
    {
        var total = Run.Stdout.Split('\n').Single(l => l.StartsWith("total ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var orders = Export.Rows.Count(r => r.Amount >= 0);
        var revenue = Export.Rows.Sum(r => r.Amount);

        Assert.Equal(Export.Customers, int.Parse(total[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(orders, int.Parse(total[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(revenue, decimal.Parse(total[3], NumberStyles.Number, CultureInfo.InvariantCulture));
        Assert.Equal("100.0", total[5]);
    }

    [Fact]
    public void Run_BundledData_ScoredCsvHasOneRowPerCustomer()
    {
        var lines = File.ReadAllLines(Run.OutFile("scored.csv"));
        var ids = lines.Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToList();
        var header = lines[0].Split(',');

        Assert.Equal(Export.Customers, ids.Count);
        Assert.Equal(Export.Rows.Select(r => r.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Contains(ColumnNames.RfmCode, header);
        Assert.Contains(ColumnNames.Segment, header);
        Assert.Contains(ColumnNames.AccountManager, header);
    }

    [Fact]
    public void Run_BundledData_RejectsCsvListsEveryBadLine()
    {
        var lines = File.ReadAllLines(Run.OutFile("rejects.csv"));
        var listed = lines.Skip(1).Select(l => long.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).ToList();

        Assert.Equal("line,stage,reason,column,value,message,raw_text", lines[0]);
        Assert.Equal(Export.BadLines, listed);
        Assert.All(lines.Skip(1), l => Assert.Contains(",read,", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_BundledData_ModelJsonReloadsWithThePrintedCutPoints()
    {
        var model = FittedPipeline.FromJson(File.ReadAllText(Run.OutFile("model.json")));

        Assert.Equal(["rfm", "segments", "clv", "abc-tiers", "low-value", "priority", "priority-rank"], model.Describe().Select(s => s.Name));
        Assert.All(model.Describe()[0].Parameters, p => Assert.Contains($"rfm: {p.Key} = {p.Value}", Run.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Run_BundledData_PrintsTiersStatusesAndTopPrioritiesForEveryCustomer()
    {
        var lines = Run.Stdout.Split('\n');
        int Total(string header, string[] labels) => lines.SkipWhile(l => !l.StartsWith(header, StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Length > 0)
            .Where(l => labels.Any(label => l.StartsWith(label + " ", StringComparison.Ordinal)))
            .Sum(l => int.Parse(l[28..38].Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(5000, Total("ABC tier", ["A", "B", "C", "Valueless"]));
        Assert.Equal(5000, Total("Value status", ["Valuable", "Low value", "Valueless", "Potential", "New"]));
        var top = lines.SkipWhile(l => !l.StartsWith("Top 10 priorities", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)), top.Select(l => l[..4].Trim()));
    }

    [Theory]
    [InlineData("segments.png")]
    [InlineData("rf-heatmap.png")]
    [InlineData("pareto.png")]
    [InlineData("expected-purchases.png")]
    [InlineData("p-alive.png")]
    [InlineData("holdout.png")]
    public void Run_BundledData_WritesPngCharts(string name)
    {
        var bytes = File.ReadAllBytes(Run.OutFile(name));

        Assert.True(bytes.Length > 10_000, $"{name} has only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..PngSignature.Length]);
    }

    [Fact]
    public void Run_BundledData_ListsEveryWrittenFileWithItsPath()
    {
        foreach (var name in new[] { "scored.csv", "rejects.csv", "model.json", "segments.png", "rf-heatmap.png", "pareto.png", "expected-purchases.png", "p-alive.png", "holdout.png" })
        {
            Assert.Contains(Run.OutFile(name), Run.Stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Run.OutFile(name)), name);
        }
    }

    [Fact]
    public void Run_BundledData_HoldoutCheckCountsMatchTheExport()
    {
        var lines = Run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.Single(l => l.StartsWith("Holdout check (", StringComparison.Ordinal));
        var at = header.IndexOf("up to ", StringComparison.Ordinal) + "up to ".Length;
        var calibrationEnd = DateOnly.ParseExact(header.Substring(at, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var purchases = Export.Rows.Where(r => r.Amount >= 0).ToList();
        var calibration = purchases.Where(r => r.Date <= calibrationEnd).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var holdout = purchases.Where(r => r.Date > calibrationEnd && r.Date <= JobOptions.BundledAsOf).ToList();
        var table = lines.SkipWhile(l => !l.StartsWith("Calibration repeat days", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0).ToList();

        // The last third of the bundled three years is held out.
        Assert.Equal(new DateOnly(2024, 12, 31), calibrationEnd);
        Assert.Equal(calibration.Count, Run.Count("Holdout check", "calibration customers"));
        Assert.Equal(holdout.Select(r => r.Id).Where(id => !calibration.Contains(id)).Distinct(StringComparer.Ordinal).Count(), Run.Count("Holdout check", "new in the holdout"));
        Assert.Equal(holdout.Where(r => calibration.Contains(r.Id)).Select(r => (r.Id, r.Date)).Distinct().Count(), Run.Count("Holdout check", "actual purchase days"));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], table.Select(l => l[..28].Trim()));
        Assert.Equal(calibration.Count, table.Sum(l => int.Parse(l[28..38].Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Run_BundledData_PrintsTheParetoShareOfTheRevenueSortedCustomers()
    {
        var revenue = Export.Rows.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.Sum(r => r.Amount)).OrderDescending().ToList();
        var total = revenue.Sum();
        var running = 0m;
        var customers = 0;
        while (running < 0.8m * total)
        {
            running += revenue[customers++];
        }

        var share = 100.0 * customers / revenue.Count;

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"80% of revenue comes from the top {share:F1}% of customers"), Run.Stdout, StringComparison.Ordinal);
    }
}
