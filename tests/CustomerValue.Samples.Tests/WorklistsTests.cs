using Xunit;

namespace CustomerValue.Samples.Tests;

/// <summary>One lenient run of Worklists on the bundled exports, and the same ranking done through the library.</summary>
public sealed class WorklistsFixture : IDisposable
{
    internal SampleRun Run { get; } = SampleRun.Start(Worklists.Program.Run, "--input", JobRun.TransactionsFile, "--customers", JobRun.CustomersFile);

    /// <summary>Gets the bundled population scored with the documented pipeline, built here from the library alone.</summary>
    internal CustomerFrame Expected { get; } = Score();

    public void Dispose() => Run.Dispose();

    private static CustomerFrame Score()
    {
        var population = LibraryData.Population(new DateOnly(2025, 12, 31));
        return new CustomerPipelineBuilder().WithInputColumns(population.Columns.Select(c => c.Name))
            .AddRfmScores().AddSegments().AddClv().AddAbcTiers().AddPriority().AddPriorityRank()
            .Build().Fit(population).Score(population);
    }
}

public sealed class WorklistsTests(WorklistsFixture fixture) : IClassFixture<WorklistsFixture>
{
    private SampleRun Run => fixture.Run;

    private CustomerFrame Expected => fixture.Expected;

    [Fact]
    public void Run_BundledData_ExitsZeroAndPrintsTheReadCountsOfTheFile()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        Assert.Equal(string.Empty, Run.Stderr);
        Assert.Equal(BundledExport.Instance.DataRows, Run.Count("Read", "rows read"));
        Assert.Equal(BundledExport.Instance.Rows.Count, Run.Count("Read", "accepted"));
        Assert.Equal(BundledExport.Instance.Customers, Run.Count("Attributes", "customers matched"));
        Assert.DoesNotContain("P(alive) left out", Run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BundledData_PrintsEachManagersCustomersAndQuadrants()
    {
        var managers = Expected.GetText(ColumnNames.AccountManager);
        var quadrant = Expected.GetCategory(ColumnNames.Quadrant);
        var table = Run.Table("Manager ");
        var names = Enumerable.Range(0, Expected.Count).Select(i => managers[i]!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(25, names.Count);
        Assert.Equal([.. names, "total"], table.Select(l => l.Split(' ')[0]));
        foreach (var name in names)
        {
            var rows = Enumerable.Range(0, Expected.Count).Where(i => managers[i] == name).ToList();
            var printed = table.Single(l => l.StartsWith(name + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var quadrants = new[] { PriorityQuadrants.ActNow, PriorityQuadrants.Nurture, PriorityQuadrants.LowTouch, PriorityQuadrants.Monitor }
                .Select(q => (long)rows.Count(i => quadrant[i] == q));

            Assert.Equal(rows.Count, SampleRun.Number(printed[1]));
            Assert.Equal(quadrants, printed[2..6].Select(SampleRun.Number));
        }
    }

    [Fact]
    public void Run_BundledData_PrintsTheLibrarysWorklistsOfTheFirstThreeManagers()
    {
        var lists = PriorityRanking.Worklists(Expected, 10);

        foreach (var list in lists.Take(3))
        {
            var printed = Run.Table(SampleRun.Invariant($"Worklist {list.Manager}: top 10 of")).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

            Assert.Equal(list.Customers.Select(e => e.CustomerId), printed.Select(p => p[2]));
            Assert.Equal(list.Customers.Select(e => (long)e.Rank), printed.Select(p => SampleRun.Number(p[0])));
        }

        Assert.DoesNotContain(SampleRun.Invariant($"Worklist {lists[3].Manager}:"), Run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BundledData_WorklistsCsvHasTheTopTenOfEveryManagerWithAllReasons()
    {
        var rows = Run.ReadCsv("worklists.csv");
        var expected = PriorityRanking.Worklists(Expected, 10).SelectMany(w => w.Customers.Select(e => (w.Manager, e))).ToList();

        Assert.Equal(250, expected.Count);
        Assert.Equal(expected.Select(x => x.e.CustomerId), rows.Select(r => r["customer_id"]));
        Assert.Equal(expected.Select(x => x.Manager), rows.Select(r => r[ColumnNames.AccountManager]));
        Assert.Equal(expected.Select(x => string.Join("; ", x.e.Reasons)), rows.Select(r => r["reasons"]));
        Assert.Equal(expected.Select(x => Expected[ColumnNames.PriorityRank].FormatValue(Expected.IndexOf(x.e.CustomerId))), rows.Select(r => r[ColumnNames.PriorityRank]));
    }

    [Fact]
    public void Run_OneManager_PrintsAndWritesOnlyTheirWorklist()
    {
        using var run = SampleRun.Start(Worklists.Program.Run, "--input", JobRun.TransactionsFile, "--customers", JobRun.CustomersFile, "--manager", "AM-07", "--top", "5");
        var expected = PriorityRanking.Worklists(Expected, 5).Single(w => w.Manager == "AM-07");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Single(run.Lines, l => l.StartsWith("Worklist ", StringComparison.Ordinal));
        Assert.Equal(expected.Customers.Select(e => e.CustomerId), run.ReadCsv("worklists.csv").Select(r => r["customer_id"]));
        Assert.All(run.ReadCsv("worklists.csv"), r => Assert.Equal("AM-07", r[ColumnNames.AccountManager]));
    }

    [Fact]
    public void Run_UnknownManager_ExitsTwoListingTheManagers()
    {
        using var run = SampleRun.Start(Worklists.Program.Run, "--input", JobRun.TransactionsFile, "--customers", JobRun.CustomersFile, "--manager", "AM-99");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'AM-99'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("AM-01, AM-02", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OtherInputWithoutCustomers_ExitsTwoAskingForThem()
    {
        using var run = SampleRun.Start(Worklists.Program.Run, "--input", JobRun.TransactionsFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--customers", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CustomersWithoutManagerColumn_ExitsOneNamingTheOption()
    {
        var customers = SampleRun.TempFile("customer_id,region\nC-00001,North\n");
        try
        {
            using var run = SampleRun.Start(Worklists.Program.Run, "--input", JobRun.TransactionsFile, "--customers", customers);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("'account_manager'", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("--manager-column", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(customers);
        }
    }

    [Fact]
    public void Run_FileWithBadRowsLenient_CountsTheRejectsAndListsTheRest()
    {
        var input = SampleRun.TempFile(LibraryData.BadRowsExport);
        try
        {
            using var run = SampleRun.Start(Worklists.Program.Run, "--input", input, "--customers", JobRun.CustomersFile, "--as-of", "2025-12-31");

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(7, run.Count("Read", "rows read"));
            Assert.Equal(3, run.Count("Read", "rejected"));
            Assert.Contains("BadDate 1, BadNumber 1, EmptyCustomerId 1", run.Stdout, StringComparison.Ordinal);
            Assert.Equal(3, run.Count("Attributes", "customers matched"));
            Assert.Equal(["C-00001", "C-00002", "C-00003"], run.ReadCsv("worklists.csv").Select(r => r["customer_id"]).Order(StringComparer.Ordinal));
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
            using var run = SampleRun.Start(Worklists.Program.Run, "--input", input, "--customers", JobRun.CustomersFile, "--strict");

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
    [InlineData("--top", "0", "from 1 to 10000")]
    [InlineData("--print", "-1", "from 0 to 10000")]
    [InlineData("--manager", "AM-01,,AM-02", "empty one")]
    [InlineData("--delimiter", "ab", "one ASCII character")]
    public void Run_BadOption_ExitsTwoNamingTheOptionAndWhatItAllows(string option, string value, string allowed)
    {
        using var run = SampleRun.Start(Worklists.Program.Run, "--input", JobRun.TransactionsFile, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(allowed, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ExitsZeroAndExplainsEveryOption()
    {
        using var run = SampleRun.Start(Worklists.Program.Run, "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--as-of", "--out", "--top", "--manager", "--print", "--manager-column", "--input", "--customers", "--id-column", "--date-column", "--amount-column", "--returns", "--culture", "--delimiter", "--strict", "--help" })
        {
            Assert.Contains("  " + option + " ", run.Stdout + " ", StringComparison.Ordinal);
        }

        Assert.Contains("Default: 10.", run.Stdout, StringComparison.Ordinal);
    }
}
