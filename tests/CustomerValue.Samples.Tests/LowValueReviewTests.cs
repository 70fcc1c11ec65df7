using CustomerValue.Csv;
using Xunit;

namespace CustomerValue.Samples.Tests;

/// <summary>One lenient run of LowValueReview on the bundled exports, and the same detection done through the library.</summary>
public sealed class LowValueReviewFixture : IDisposable
{
    internal SampleRun Run { get; } = SampleRun.Start(LowValueReview.Program.Run, "--input", JobRun.TransactionsFile, "--customers", JobRun.CustomersFile);

    /// <summary>Gets the bundled population scored with the review's documented defaults, built here from the library alone.</summary>
    internal CustomerFrame Expected { get; } = Score();

    public void Dispose() => Run.Dispose();

    private static CustomerFrame Score()
    {
        var population = LibraryData.Population(new DateOnly(2025, 12, 31));
        var options = new LowValueOptions { MaxInteractions = 2, MinComplaints = 3, MaxSatisfaction = 3, PotentialThreshold = 70 };
        return new CustomerPipelineBuilder().WithInputColumns(population.Columns.Select(c => c.Name)).AddLowValueDetection(options).Build().Fit(population).Score(population);
    }
}

public sealed class LowValueReviewTests(LowValueReviewFixture fixture) : IClassFixture<LowValueReviewFixture>
{
    private static readonly string[] Reviewed = [ValueStatuses.LowValue, ValueStatuses.Valueless, ValueStatuses.Potential];

    private SampleRun Run => fixture.Run;

    private CustomerFrame Expected => fixture.Expected;

    [Fact]
    public void Run_BundledData_ExitsZeroAndPrintsTheReadCountsOfTheFile()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        Assert.Equal(string.Empty, Run.Stderr);
        Assert.Equal(BundledExport.Instance.DataRows, Run.Count("Read", "rows read"));
        Assert.Equal(BundledExport.Instance.BadLines.Count, Run.Count("Read", "rejected"));
        Assert.Equal(BundledExport.Instance.Customers, Run.Count("Summaries", "customers"));
        Assert.Equal(BundledExport.Instance.Customers, Run.Count("Attributes", "customers matched"));
    }

    [Fact]
    public void Run_BundledData_PrintsTheLibrarysCountAndRevenuePerStatus()
    {
        var table = Run.Table("Value status");
        var summary = LowValueSummary.Create(Expected).Rows;

        Assert.Equal(summary.Count, table.Count);
        Assert.Equal(5000, summary.Sum(r => r.Customers));
        foreach (var row in summary)
        {
            var line = Assert.Single(table, l => l.StartsWith(row.Status + " ", StringComparison.Ordinal));
            Assert.Equal(row.Customers, SampleRun.Number(line[13..22]));
            Assert.Contains(SampleRun.Invariant($" {row.Value:N2} "), line, StringComparison.Ordinal);
            Assert.EndsWith(row.Recommendation, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Run_BundledData_PrintsHowOftenEachCriterionFiredPerStatus()
    {
        var table = Run.Table("Criteria that fired");
        var status = Expected.GetCategory(ColumnNames.ValueStatus);
        var criteria = (FlagsColumn)Expected[ColumnNames.LowValueCriteria];

        Assert.Equal(criteria.FlagNames.Count, table.Count);
        for (var f = 0; f < criteria.FlagNames.Count; f++)
        {
            var line = Assert.Single(table, l => l.StartsWith(criteria.FlagNames[f] + " ", StringComparison.Ordinal));
            var printed = line[23..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SampleRun.Number).ToArray();
            var expected = Reviewed.Select(s => (long)Enumerable.Range(0, Expected.Count).Count(i => status[i] == s && (criteria[i] & (1UL << f)) != 0)).ToArray();
            Assert.Equal(expected, printed);
        }
    }

    [Fact]
    public void Run_BundledData_PrintsWhichEvidenceSavedThePotentialCustomers()
    {
        var status = Expected.GetCategory(ColumnNames.ValueStatus);
        var reasons = Expected[ColumnNames.StatusReasons];
        var potential = Enumerable.Range(0, Expected.Count).Where(i => status[i] == ValueStatuses.Potential).ToList();
        var table = Run.Table("Saved by potential");

        Assert.NotEmpty(potential);
        Assert.Contains(SampleRun.Invariant($"Saved by potential: {potential.Count:N0} customers"), Run.Stdout, StringComparison.Ordinal);
        foreach (var evidence in new[] { LowValueReasonNames.NewCustomer, LowValueReasonNames.GrowingSpend, LowValueReasonNames.StatedPotential })
        {
            var count = potential.Count(i => reasons.FormatValue(i).Split("; ").Contains(evidence));
            var line = Assert.Single(table, l => l.TrimStart().StartsWith(evidence + " ", StringComparison.Ordinal));
            Assert.True(count > 0, evidence);
            Assert.Equal(count, SampleRun.Number(line[24..]));
        }
    }

    [Fact]
    public void Run_BundledData_LowValueCsvHasEveryReviewedCustomerWithStatusAndReasons()
    {
        var rows = Run.ReadCsv("low-value.csv");
        var status = Expected.GetCategory(ColumnNames.ValueStatus);
        var expected = Enumerable.Range(0, Expected.Count).Where(i => Reviewed.Contains(status[i])).ToDictionary(i => Expected.CustomerIds[i], i => i, StringComparer.Ordinal);

        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r =>
        {
            var i = expected[r["customer_id"]];
            Assert.Equal(status[i], r[ColumnNames.ValueStatus]);
            Assert.Equal(Expected[ColumnNames.StatusReasons].FormatValue(i), r[ColumnNames.StatusReasons]);
            Assert.Equal(Expected[ColumnNames.LowValueCriteria].FormatValue(i), r[ColumnNames.LowValueCriteria]);
            Assert.Equal(Expected[ColumnNames.Revenue].FormatValue(i), r[ColumnNames.Revenue]);
            Assert.NotEqual(string.Empty, r[ColumnNames.StatusReasons]);
        });
    }

    [Fact]
    public void Run_BundledData_ListsTheLowValueCustomersWithTheLeastRevenueFirst()
    {
        var status = Expected.GetCategory(ColumnNames.ValueStatus);
        var revenue = Expected.GetNumeric(ColumnNames.Revenue);
        var expected = Enumerable.Range(0, Expected.Count).Where(i => status[i] == ValueStatuses.LowValue)
            .OrderBy(i => revenue[i]).ThenBy(i => Expected.CustomerIds[i], StringComparer.Ordinal).Take(10).Select(i => Expected.CustomerIds[i]);
        var printed = Run.Table("Low value: 10 of").Skip(1).Select(l => l.Trim().Split(' ')[0]);

        Assert.Equal(expected, printed);
    }

    [Fact]
    public void Run_FileWithBadRowsLenient_CountsTheRejectsAndTurnsAttributeCriteriaOff()
    {
        var input = SampleRun.TempFile(LibraryData.BadRowsExport);
        try
        {
            using var run = SampleRun.Start(LowValueReview.Program.Run, "--input", input, "--as-of", "2025-12-31");

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(7, run.Count("Read", "rows read"));
            Assert.Equal(4, run.Count("Read", "accepted"));
            Assert.Equal(3, run.Count("Read", "rejected"));
            Assert.Contains("BadDate 1, BadNumber 1, EmptyCustomerId 1", run.Stdout, StringComparison.Ordinal);
            Assert.Equal(3, run.Count("Summaries", "customers"));
            Assert.Contains("few interactions (no interactions column)", run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("Attributes", run.Stdout, StringComparison.Ordinal);
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
            using var run = SampleRun.Start(LowValueReview.Program.Run, "--input", input, "--strict");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("Line 3", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("without --strict", run.Stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, run.Stdout);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Theory]
    [InlineData("--bottom-share", "1.5", "strictly between 0 and 1")]
    [InlineData("--combine", "most", "at-least, any, all")]
    [InlineData("--min-criteria", "7", "from 1 to 6")]
    [InlineData("--max-orders", "few", "or off")]
    [InlineData("--as-of", "2025-31-12", "yyyy-MM-dd")]
    [InlineData("--colour", "red", "Unknown option")]
    public void Run_BadOption_ExitsTwoNamingTheOptionAndWhatItAllows(string option, string value, string allowed)
    {
        using var run = SampleRun.Start(LowValueReview.Program.Run, "--input", JobRun.TransactionsFile, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(allowed, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Run_MoreMinimumCriteriaThanCriteriaInForce_ExitsTwoNamingThem()
    {
        // Without an attribute export only the three transaction criteria are in force.
        using var run = SampleRun.Start(LowValueReview.Program.Run, "--input", JobRun.TransactionsFile, "--min-criteria", "4");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--min-criteria 4 is more than the 3 criteria in force", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingInput_ExitsTwoNamingTheFile()
    {
        using var run = SampleRun.Start(LowValueReview.Program.Run, "--input", "no-such-export.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--input file 'no-such-export.csv' does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_ExitsZeroAndExplainsEveryOption()
    {
        using var run = SampleRun.Start(LowValueReview.Program.Run, "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--as-of", "--out", "--bottom-share", "--max-orders", "--inactive-days", "--max-interactions", "--min-complaints", "--max-satisfaction", "--combine", "--min-criteria", "--new-days", "--growth-window", "--potential-threshold", "--show", "--input", "--customers", "--id-column", "--date-column", "--amount-column", "--returns", "--culture", "--delimiter", "--strict", "--help" })
        {
            Assert.Contains("  " + option + " ", run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Default: 2025-12-31", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutDir));
    }
}
