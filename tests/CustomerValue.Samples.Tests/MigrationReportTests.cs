using System.Globalization;
using Xunit;

namespace CustomerValue.Samples.Tests;

/// <summary>One lenient run of MigrationReport on the bundled export, and the same migration done through the library.</summary>
public sealed class MigrationReportFixture : IDisposable
{
    public static readonly DateOnly From = new(2024, 12, 31);
    public static readonly DateOnly To = new(2025, 12, 31);

    public MigrationReportFixture()
    {
        Before = Active(LibraryData.Population(From, 365, withAttributes: false));
        After = Active(LibraryData.Population(To, 365, withAttributes: false));
        var model = new CustomerPipelineBuilder()
            .AddRfmScores()
            .AddSegments()
            .AddAbcTiers(new AbcTierOptions { ValueColumn = ColumnNames.WindowSpend, ValuelessTier = "No revenue" })
            .Build()
            .Fit(Before);
        Report = MigrationReport.Create(model, Before, After, new MigrationOptions { ValueColumn = ColumnNames.WindowSpend });
    }

    internal SampleRun Run { get; } = SampleRun.Start(Migrations.Program.Run, "--input", JobRun.TransactionsFile);

    internal CustomerFrame Before { get; }

    internal CustomerFrame After { get; }

    internal MigrationReport Report { get; }

    public void Dispose() => Run.Dispose();

    private static CustomerFrame Active(CustomerFrame customers)
    {
        var recency = customers.GetNumeric(ColumnNames.RecencyDays);
        return customers.Select(Enumerable.Range(0, customers.Count).Where(i => recency[i] < 365));
    }
}

public sealed class MigrationReportTests(MigrationReportFixture fixture) : IClassFixture<MigrationReportFixture>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private SampleRun Run => fixture.Run;

    private MigrationReport Report => fixture.Report;

    [Fact]
    public void Run_BundledData_ExitsZeroAndPrintsTheReadCountsOfTheFile()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        Assert.Equal(string.Empty, Run.Stderr);
        Assert.Equal(BundledExport.Instance.DataRows, Run.Count("Read", "rows read"));
        Assert.Equal(BundledExport.Instance.BadLines.Count, Run.Count("Read", "rejected"));
    }

    [Fact]
    public void Run_BundledData_PrintsTheActiveCustomersOfEachDateFromTheFile()
    {
        // An order, not a return: a return alone does not make a customer active.
        int ActiveAt(DateOnly date) => BundledExport.Instance.Rows.Where(r => r.Amount >= 0 && r.Date <= date && r.Date > date.AddDays(-365)).Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();
        var table = Run.Table("Snapshot ");

        Assert.Equal(fixture.Before.Count, ActiveAt(MigrationReportFixture.From));
        Assert.Equal(fixture.After.Count, ActiveAt(MigrationReportFixture.To));
        Assert.Equal(ActiveAt(MigrationReportFixture.From), SampleRun.Number(table[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]));
        Assert.Equal(ActiveAt(MigrationReportFixture.To), SampleRun.Number(table[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]));
    }

    [Fact]
    public void Run_BundledData_PrintsTheLibrarysMatchedNewAndLostCounts()
    {
        var tiers = Report.GetMatrix(ColumnNames.Tier);

        Assert.True(Report.NewCustomers > 0 && Report.LostCustomers > 0 && tiers.MovedUp.Count > 0 && tiers.MovedDown.Count > 0);
        Assert.Contains(
            SampleRun.Invariant($"Customers: {Report.MatchedCustomers:N0} in both snapshots (tier stayed {tiers.Stayed:N0}, up {tiers.MovedUp.Count:N0}, down {tiers.MovedDown.Count:N0}), {Report.NewCustomers:N0} new, {Report.LostCustomers:N0} lost"),
            Run.Stdout,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tier", ColumnNames.Tier)]
    [InlineData("Segment", ColumnNames.Segment)]
    public void Run_BundledData_PrintsTheLibrarysTransitionMatrix(string title, string column)
    {
        var matrix = Report.GetMatrix(column);
        var n = matrix.Labels.Count;
        var table = Run.Table(title + " transitions:").Skip(1).ToList();

        Assert.Equal(n + 1, table.Count);
        for (var i = 0; i < n; i++)
        {
            var counts = table[i][33..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SampleRun.Number).ToList();
            Assert.Contains(matrix.Labels[i], table[i], StringComparison.Ordinal);
            Assert.Equal(Enumerable.Range(0, n).Select(j => (long)matrix.Cells[(i * n) + j].Customers), counts.Take(n));
        }

        Assert.Equal(Report.MatchedCustomers, SampleRun.Number(table[n].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]));
    }

    [Fact]
    public void Run_BundledData_PrintsTheRevenueMovingBetweenTiers()
    {
        var table = Run.Table("Window revenue moving between tiers").Skip(1).ToList();
        var cells = Report.GetMatrix(ColumnNames.Tier).Cells.Where(c => c.Customers > 0).ToList();

        Assert.Equal(cells.Count, table.Count);
        for (var k = 0; k < cells.Count; k++)
        {
            Assert.Equal(SampleRun.Invariant($"  {cells[k].From,-12} {cells[k].To,-12} {cells[k].Customers,9:N0} {cells[k].ValueBefore,14:N2} {cells[k].ValueAfter,14:N2} {cells[k].ValueChange,14:N2}"), table[k]);
        }
    }

    [Fact]
    public void Run_BundledData_ListsTheLargestRevenueDropsAmongTheCustomersWhoMovedDown()
    {
        var expected = Report.GetMatrix(ColumnNames.Tier).MovedDown.OrderBy(m => m.ValueAfter - m.ValueBefore).ThenBy(m => m.CustomerId, StringComparer.Ordinal).Take(10).Select(m => m.CustomerId);
        var printed = Run.Table("Top movers down:").Skip(1).Select(l => l.Trim().Split(' ')[0]);

        Assert.Equal(expected, printed);
    }

    [Fact]
    public void Run_BundledData_MigrationCsvHasEveryActiveCustomerWithTheChange()
    {
        var rows = Run.ReadCsv("migration.csv");
        var tiers = Report.GetMatrix(ColumnNames.Tier);

        Assert.Equal(Report.MatchedCustomers + Report.NewCustomers + Report.LostCustomers, rows.Count);
        Assert.Equal(tiers.MovedUp.Count, rows.Count(r => r["change"] == "up"));
        Assert.Equal(tiers.MovedDown.Count, rows.Count(r => r["change"] == "down"));
        Assert.Equal(tiers.Stayed, rows.Count(r => r["change"] == "stayed"));
        Assert.Equal(tiers.NewCustomers.Select(c => c.CustomerId).Order(StringComparer.Ordinal), rows.Where(r => r["change"] == "new").Select(r => r["customer_id"]));
        Assert.Equal(tiers.LostCustomers.Select(c => c.CustomerId).Order(StringComparer.Ordinal), rows.Where(r => r["change"] == "lost").Select(r => r["customer_id"]));
        Assert.All(tiers.MovedDown, m => Assert.Equal(m.To, rows.Single(r => r["customer_id"] == m.CustomerId)["tier_after"]));
    }

    [Fact]
    public void Run_BundledData_WritesTheTierMigrationPng()
    {
        var bytes = File.ReadAllBytes(Run.OutFile("tier-migration.png"));

        Assert.True(bytes.Length > 10_000, $"tier-migration.png has only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..PngSignature.Length]);
    }

    [Fact]
    public void Run_RfmOrders_ReportsTheCustomersActiveInEachYear()
    {
        var orders = File.ReadLines(LibraryData.RfmOrdersFile).Skip(1).Select(l => l.Split(','))
            .Select(f => (Id: f[0], Date: DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        int ActiveIn(int year) => orders.Where(o => o.Date.Year == year).Select(o => o.Id).Distinct(StringComparer.Ordinal).Count();
        var both = orders.Where(o => o.Date.Year == 2005).Select(o => o.Id).Intersect(orders.Where(o => o.Date.Year == 2006).Select(o => o.Id), StringComparer.Ordinal).Count();

        using var run = SampleRun.Start(Migrations.Program.Run, "--input", LibraryData.RfmOrdersFile, "--from", "2005-12-31", "--to", "2006-12-31", "--no-chart");
        var table = run.Table("Snapshot ");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(4906, run.Count("Read", "accepted"));
        Assert.Equal(ActiveIn(2005), SampleRun.Number(table[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]));
        Assert.Equal(ActiveIn(2006), SampleRun.Number(table[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]));
        Assert.Contains(SampleRun.Invariant($"Customers: {both:N0} in both snapshots"), run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(run.OutFile("tier-migration.png")));
    }

    [Fact]
    public void Run_FileWithBadRowsLenient_CountsTheRejects()
    {
        var input = SampleRun.TempFile(LibraryData.BadRowsExport);
        try
        {
            using var run = SampleRun.Start(Migrations.Program.Run, "--input", input, "--from", "2025-06-30", "--to", "2025-12-31");

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(7, run.Count("Read", "rows read"));
            Assert.Equal(4, run.Count("Read", "accepted"));
            Assert.Equal(3, run.Count("Read", "rejected"));
            Assert.Contains("BadDate 1, BadNumber 1, EmptyCustomerId 1", run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Run_FileWithBadRowsStrict_ExitsOneNamingTheFirstBadLine()
    {
        var input = SampleRun.TempFile(LibraryData.BadRowsExport);
        try
        {
            using var run = SampleRun.Start(Migrations.Program.Run, "--input", input, "--from", "2025-06-30", "--to", "2025-12-31", "--strict");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Line 3", run.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Stdout);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Theory]
    [InlineData(new[] { "--from", "2025-12-31", "--to", "2025-06-30" }, "--to (2025-06-30) must be after --from (2025-12-31)")]
    [InlineData(new[] { "--window", "0" }, "--window must be a whole number from 1 to 3660")]
    [InlineData(new[] { "--top", "x" }, "--top must be a whole number")]
    [InlineData(new[] { "--customers", "customers.csv" }, "Unknown option '--customers'")]
    [InlineData(new[] { "--no-chart=yes" }, "--no-chart is a switch")]
    [InlineData(new[] { "--from", "2001-01-01", "--to", "2001-06-30" }, "No customer has an order in the 365 days up to --from 2001-01-01")]
    public void Run_BadOption_ExitsTwoSayingWhatIsAllowed(string[] args, string message)
    {
        using var run = SampleRun.Start(Migrations.Program.Run, ["--input", JobRun.TransactionsFile, .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ExitsZeroAndExplainsEveryOption()
    {
        using var run = SampleRun.Start(Migrations.Program.Run, "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--from", "--to", "--window", "--out", "--top", "--no-chart", "--input", "--id-column", "--date-column", "--amount-column", "--returns", "--culture", "--delimiter", "--strict", "--help" })
        {
            Assert.Contains("  " + option + " ", run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Default: 2024-12-31", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--customers", run.Stdout, StringComparison.Ordinal);
    }
}
