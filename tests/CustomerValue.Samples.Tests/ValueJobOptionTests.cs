using System.Globalization;
using System.Text;
using Xunit;

namespace CustomerValue.Samples.Tests;

public sealed class ValueJobOptionTests
{
    private static readonly string[] Options =
    [
        "--input", "--id-column", "--date-column", "--amount-column", "--customers", "--as-of", "--out", "--bins", "--method", "--r-cuts", "--f-cuts", "--m-cuts",
        "--returns", "--culture", "--delimiter", "--strict", "--no-charts", "--help",
    ];

    [Fact]
    public void Run_Help_ExitsZeroAndExplainsEveryOption()
    {
        using var run = JobRun.Start("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.All(Options, o => Assert.Contains(o, run.Stdout, StringComparison.Ordinal));
        Assert.Contains("Default: 5", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Default: 2025-12-31", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutDir));
    }

    [Fact]
    public void Run_Strict_ExitsOneNamingTheFirstBadLine()
    {
        using var run = JobRun.OnBundledData("--strict");
        var first = BundledExport.Instance.BadLines[0];

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Line {first}"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("without --strict", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Run_MissingInput_ExitsTwoNamingTheOptionAndFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), "valuejob-tests", "no-such-export.csv");
        using var run = JobRun.Start("--input", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--input", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(missing, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingCustomersFile_ExitsTwoNamingTheOption()
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--customers", "no-such-attributes.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--customers", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-attributes.csv", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("10")]
    [InlineData("five")]
    [InlineData("-3")]
    public void Run_BadBins_ExitsTwoNamingTheAllowedRange(string bins)
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--bins", bins);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--bins must be a whole number from 2 to 9", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"'{bins}'", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("--as-of", "31/12/2025", "yyyy-MM-dd")]
    [InlineData("--method", "quantile", "balanced, fixed, ntile, r")]
    [InlineData("--returns", "keep", "net, ignore, reject")]
    [InlineData("--culture", "xx-NOPE", "culture name")]
    [InlineData("--delimiter", ";;", "one ASCII character")]
    [InlineData("--r-cuts", "1,two,3", "numbers separated by commas")]
    public void Run_BadOptionValue_ExitsTwoNamingOptionAndAllowedValues(string option, string value, string allowed)
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(allowed, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--colour")]
    [InlineData("input.csv")]
    public void Run_UnknownArgument_ExitsTwo(string argument)
    {
        using var run = JobRun.Start(argument);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(argument, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OptionWithoutValue_ExitsTwo()
    {
        using var run = JobRun.Start("--bins", "--strict");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--bins needs a value", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RepeatedOption_ExitsTwo()
    {
        using var run = JobRun.Start("--bins", "4", "--bins=5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--bins is given twice", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FixedMethodWithoutCutPoints_ExitsTwo()
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--method", "fixed");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--r-cuts, --f-cuts and --m-cuts", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FixedCutPointsOfTheWrongCount_ExitsTwoNamingBins()
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--method", "fixed", "--r-cuts", "30,90", "--f-cuts", "2,4,8,16", "--m-cuts", "50,100,500,1000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--bins 5", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("RecencyCutPoints", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FixedCutPoints_ScoresWithThem()
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--no-charts", "--bins=3", "--method=fixed", "--r-cuts=90,365", "--f-cuts=3,10", "--m-cuts=100,1000");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("rfm: recency.thresholds = [90, 365]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("rfm: monetary.thresholds = [100, 1000]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EarlierAsOf_ExcludesLaterTransactionsAndListsThemInRejects()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var later = BundledExport.Instance.Rows.Where(r => r.Date > asOf).Select(r => r.Line).ToList();
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--as-of", "2025-06-30", "--no-charts");
        var summaryLines = File.ReadAllLines(run.OutFile("rejects.csv")).Where(l => l.Contains(",summary,AfterAsOfDate,", StringComparison.Ordinal))
            .Select(l => long.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture)).ToList();

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.NotEmpty(later);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"AfterAsOfDate {later.Count}"), run.Stdout, StringComparison.Ordinal);
        Assert.Equal(later, summaryLines);
    }

    [Fact]
    public void Run_ReturnsIgnored_ExcludesEveryNegativeAmount()
    {
        var returns = BundledExport.Instance.Rows.Count(r => r.Amount < 0);
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--returns", "ignore", "--no-charts");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(returns, run.Count("Summaries", "excluded"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"NegativeAmount {returns}"), run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoCharts_WritesNoPng()
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--no-charts");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(File.Exists(run.OutFile("scored.csv")));
        Assert.Empty(Directory.GetFiles(run.OutDir, "*.png"));
    }

    [Fact]
    public void Run_OtherInput_DoesNotJoinTheBundledAttributes()
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--no-charts");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("Attributes", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("account_manager", File.ReadLines(run.OutFile("scored.csv")).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoInput_FindsTheBundledExportsFromTheCheckout()
    {
        using var run = JobRun.Start("--no-charts");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(BundledExport.Instance.DataRows, run.Count("Read", "rows read"));
        Assert.Contains("Attributes (", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CommaDecimalsWithSemicolons_ReadsTheAmountsAndWritesInvariantNumbers()
    {
        var input = TempFile("Kunde;Datum;Betrag\nC1;2025-01-02;12,50\nC1;2025-02-03;100,25\nC2;2025-03-04;7,25\nC3;2025-04-05;x\n");
        try
        {
            using var run = JobRun.Start("--input", input, "--culture", "de-DE", "--delimiter", ";", "--id-column", "Kunde", "--date-column", "Datum", "--amount-column", "Betrag");
            Assert.True(run.ExitCode == 0, run.Stderr);
            var scored = File.ReadAllLines(run.OutFile("scored.csv"));
            var revenueColumn = Array.IndexOf(scored[0].Split(','), ColumnNames.Revenue);

            Assert.Equal(1, run.Count("Read", "rejected"));
            Assert.Equal(2, run.Count("Summaries", "customers"));
            Assert.Equal("112.75", scored[1].Split(',')[revenueColumn]);
            Assert.Equal("7.25", scored[2].Split(',')[revenueColumn]);
            Assert.True(File.Exists(run.OutFile("rf-heatmap.png")));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Run_UnknownColumnNames_ExitsOneNamingTheColumnOptions()
    {
        var input = TempFile("Kunde,Datum,Betrag\nC1,2025-01-02,12.50\n");
        try
        {
            using var run = JobRun.Start("--input", input);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("'Kunde'", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("--id-column", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public void Run_OtherBinCounts_SegmentEveryCustomerWithChampionsOnTop(int bins)
    {
        using var run = JobRun.Start("--input", JobRun.TransactionsFile, "--no-charts", "--bins", bins.ToString(CultureInfo.InvariantCulture));
        Assert.True(run.ExitCode == 0, run.Stderr);
        var scored = File.ReadAllLines(run.OutFile("scored.csv"));
        var header = scored[0].Split(',');
        var (r, f, m, segment) = (Array.IndexOf(header, ColumnNames.RecencyScore), Array.IndexOf(header, ColumnNames.FrequencyScore), Array.IndexOf(header, ColumnNames.MonetaryScore), Array.IndexOf(header, ColumnNames.Segment));
        var top = string.Create(CultureInfo.InvariantCulture, $"{bins}");
        var best = scored.Skip(1).Select(l => l.Split(',')).Where(c => c[r] == top && c[f] == top && c[m] == top).ToList();

        Assert.Equal(BundledExport.Instance.Customers, scored.Length - 1);
        Assert.All(scored.Skip(1), l => Assert.NotEqual(string.Empty, l.Split(',')[segment]));
        Assert.NotEmpty(best);
        Assert.All(best, c => Assert.Equal("Champions", c[segment]));
    }

    [Fact]
    public void Run_StrictWithRejectedReturns_ExitsOneNamingTheReturnsOption()
    {
        var input = TempFile("customer_id,order_date,amount\nC1,2025-01-02,10.00\nC1,2025-01-03,-2.00\n");
        try
        {
            using var run = JobRun.Start("--input", input, "--strict", "--returns", "reject");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("negative amount", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("--returns net", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Run_InputOverFiveMegabytes_PrintsProgressToStderrOnly()
    {
        var lines = File.ReadAllLines(JobRun.TransactionsFile);
        var input = TempFile(string.Join('\n', [lines[0], .. Enumerable.Repeat(lines.Skip(1), 4).SelectMany(l => l)]) + "\n");
        try
        {
            Assert.True(new FileInfo(input).Length > 5 * 1024 * 1024);
            using var run = JobRun.Start("--input", input, "--no-charts");

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Contains("Reading ", run.Stderr, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"100% ({4 * BundledExport.Instance.DataRows:N0} rows)"), run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("%", run.Stdout.Split('\n')[0], StringComparison.Ordinal);
            Assert.Equal(4 * BundledExport.Instance.DataRows, run.Count("Read", "rows read"));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Run_FileWithoutUsableRows_ExitsOne()
    {
        var input = TempFile("customer_id,order_date,amount\nC1,not-a-date,1.00\n");
        try
        {
            using var run = JobRun.Start("--input", input);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("no transaction", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "valuejob-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }
}
