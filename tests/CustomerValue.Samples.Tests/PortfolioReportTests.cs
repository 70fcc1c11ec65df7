using System.Globalization;
using Xunit;

namespace CustomerValue.Samples.Tests;

/// <summary>One run of the PortfolioReport program on the bundled data, shared by the tests that only read its results.</summary>
public sealed class PortfolioRunFixture : IDisposable
{
    internal PortfolioRun Run { get; } = PortfolioRun.OnBundledData();

    public void Dispose() => Run.Dispose();
}

/// <summary>An in-process run of the PortfolioReport program with what it printed, parsed like <see cref="JobRun"/>.</summary>
internal sealed class PortfolioRun : IDisposable
{
    private PortfolioRun(int exitCode, string stdout, string stderr, string outDir)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        OutDir = outDir;
    }

    public static string ManagersFile => JobRun.FixturePath("managers.csv");

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    public string OutDir { get; }

    public IReadOnlyList<string> Lines => Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    public static PortfolioRun Start(params string[] args)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "portfolioreport-tests", Guid.NewGuid().ToString("N"));
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = PortfolioReport.Program.Run([.. args, "--out", outDir], stdout, stderr);
        return new PortfolioRun(code, stdout.ToString(), stderr.ToString(), outDir);
    }

    public static PortfolioRun OnBundledData(params string[] args)
        => Start(["--input", JobRun.TransactionsFile, "--customers", JobRun.CustomersFile, "--managers", ManagersFile, .. args]);

    public string OutFile(string name) => Path.Combine(OutDir, name);

    /// <summary>Reads a count such as "to managers 3,479" from a section of the report ("Read", "Plan").</summary>
    public long Count(string section, string label)
    {
        var lines = Lines.ToList();
        var start = lines.FindIndex(l => l == section || l.StartsWith(section + " ", StringComparison.Ordinal));
        Assert.True(start >= 0, $"The report has no section '{section}':\n{Stdout}");
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.Length > 0))
        {
            var text = line.TrimStart();
            if (text.StartsWith(label + " ", StringComparison.Ordinal))
            {
                var number = text[label.Length..].TrimStart().Split(' ')[0];
                return long.Parse(number, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            }
        }

        Assert.Fail($"The section '{section}' has no line '{label}':\n{Stdout}");
        return 0;
    }

    /// <summary>Returns the data lines of the table whose first line starts with <paramref name="title"/>, after <paramref name="headerLines"/> lines.</summary>
    public List<string[]> Table(string title, int headerLines = 2)
        => Lines.SkipWhile(l => !l.StartsWith(title, StringComparison.Ordinal)).Skip(headerLines).TakeWhile(l => l.Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

    public void Dispose()
    {
        if (Directory.Exists(OutDir))
        {
            Directory.Delete(OutDir, recursive: true);
        }
    }
}

public sealed class PortfolioReportTests(PortfolioRunFixture fixture) : IClassFixture<PortfolioRunFixture>
{
    private PortfolioRun Run => fixture.Run;

    private static string[] ManagerIds => File.ReadLines(PortfolioRun.ManagersFile).Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ToArray();

    [Fact]
    public void Run_BundledData_ExitsZeroWithCleanStderr()
    {
        Assert.True(Run.ExitCode == 0, Run.Stderr);
        Assert.Equal(string.Empty, Run.Stderr);
    }

    [Fact]
    public void Run_BundledData_PrintsTheCustomersOfBothSnapshotsAndTheManagers()
    {
        var export = BundledExport.Instance;
        var previous = export.Rows.Where(r => r.Date <= new DateOnly(2025, 9, 30)).Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();

        Assert.Equal(export.DataRows, Run.Count("Read", "rows read"));
        Assert.Equal(export.BadLines.Count, Run.Count("Read", "rejected"));
        Assert.Equal(export.Customers, Run.Count("Read", "customers"));
        Assert.Equal(previous, Run.Count("Read", "previous customers"));
        Assert.Equal(ManagerIds.Length, Run.Count("Read", "managers"));
    }

    [Fact]
    public void Run_BundledData_PlanPlacesEveryCustomerOnceAndListsEveryMove()
    {
        var plan = File.ReadAllLines(Run.OutFile("plan.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var moves = File.ReadAllLines(Run.OutFile("moves.csv")).Skip(1).ToList();

        Assert.Equal(BundledExport.Instance.Customers, Run.Count("Plan", "customers"));
        Assert.Equal(Run.Count("Plan", "customers"), Run.Count("Plan", "to managers") + Run.Count("Plan", "to channels") + Run.Count("Plan", "unplaced"));
        Assert.Equal(plan.Count, Run.Count("Plan", "customers"));
        Assert.Equal(plan.Count(f => f[6] == "Manager"), Run.Count("Plan", "to managers"));
        Assert.Equal(plan.Count(f => f[6] == "Channel"), Run.Count("Plan", "to channels"));
        Assert.Equal(moves.Count, Run.Count("Plan", "moves"));

        // A customer who keeps the same manager is no move; every other managed or channelled customer is.
        Assert.Equal(plan.Count(f => f[6] != "Unplaced" && f[5] != f[7]), moves.Count);
    }

    [Fact]
    public void Run_BundledData_PlannedPortfoliosStayWithinCapacity()
    {
        var table = Run.Table("Planned portfolio", headerLines: 1);

        Assert.Equal(ManagerIds, table.Select(f => f[0]));
        foreach (var row in table)
        {
            var customers = row[1].Split('/').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            var workload = row[2].Split('/').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(customers[0] <= customers[1] && workload[0] <= workload[1], string.Join(" ", row));
        }
    }

    [Fact]
    public void Run_BundledData_KpiTableCountsEveryCustomerOfEachCurrentManager()
    {
        var managers = File.ReadLines(JobRun.CustomersFile).Skip(1).Select(l => l.Split(',')[1]).ToList();
        var buyers = BundledExport.Instance.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var byManager = File.ReadLines(JobRun.CustomersFile).Skip(1).Select(l => l.Split(','))
            .Where(f => buyers.Contains(f[0])).GroupBy(f => f[1], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var table = Run.Table("Manager KPIs");
        var kpis = table.Where(f => f[0] != "total").ToList();

        Assert.Equal(byManager.Keys.Order(StringComparer.Ordinal), kpis.Select(f => f[0]));
        Assert.All(kpis, f => Assert.Equal(byManager[f[0]], int.Parse(f[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
        Assert.Equal(BundledExport.Instance.Customers, int.Parse(table.Single(f => f[0] == "total")[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(managers.Distinct(StringComparer.Ordinal).Count(), kpis.Count);
    }

    [Fact]
    public void Run_BundledData_RanksEveryManagerOnceAndWritesTheSameRanksToKpisCsv()
    {
        var ranking = Run.Table("Manager ranking");
        var csv = File.ReadAllLines(Run.OutFile("kpis.csv"));
        var header = csv[0].Split(',');
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();

        Assert.Equal(Enumerable.Range(1, ManagerIds.Length).Select(r => r.ToString(CultureInfo.InvariantCulture)), ranking.Select(f => f[0]));
        Assert.Equal(ManagerIds.Order(StringComparer.Ordinal), ranking.Select(f => f[1]).Order(StringComparer.Ordinal));
        var scores = ranking.Select(f => double.Parse(f[2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(["manager", "rank", "score"], header[..3]);
        Assert.Equal(ManagerIds.Length, rows.Count);
        Assert.All(ranking, f => Assert.Equal(f[0], rows.Single(r => r[0] == f[1])[1]));
    }

    [Fact]
    public void Run_BundledData_ChangesBalanceForEveryManager()
    {
        var table = Run.Table("Changes").Where(f => f[0] != "total").ToList();

        // manager before kept retention % lost won now ...: now = before - lost + won - transfers; the bundled data has
        // one manager per customer at both dates, so there are no transfers.
        Assert.Equal(ManagerIds.Length, table.Count);
        foreach (var f in table)
        {
            int At(int k) => int.Parse(f[k], CultureInfo.InvariantCulture);
            Assert.Equal(At(1), At(2) + At(5));
            Assert.Equal(At(7), At(1) - At(5) + At(6));
        }
    }

    [Fact]
    public void Run_Help_ExitsZeroAndExplainsEveryOption()
    {
        using var run = PortfolioRun.Start("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.All(
            ["--input", "--customers", "--managers", "--as-of", "--previous-as-of", "--active-days", "--out", "--strict", "--help"],
            o => Assert.Contains(o, run.Stdout, StringComparison.Ordinal));
        Assert.Contains("Default: 2025-12-31", run.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.OutDir));
    }

    [Fact]
    public void Run_Help_StatesThatReturnsAreRejectedByDefault()
    {
        using var run = PortfolioRun.Start("--help");

        var returns = run.Lines.SkipWhile(l => !l.TrimStart().StartsWith("--returns", StringComparison.Ordinal)).TakeWhile(l => !l.TrimStart().StartsWith("--culture", StringComparison.Ordinal));
        Assert.Contains("Default: reject.", string.Join(" ", returns), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bins", "5", "Unknown option '--bins'")]
    [InlineData("--as-of", "31/12/2025", "--as-of must be a date as yyyy-MM-dd")]
    [InlineData("--previous-as-of", "2026-01-01", "--previous-as-of must be before --as-of")]
    [InlineData("--active-days", "0", "--active-days must be a whole number from 1 to 3650")]
    public void Run_BadOption_ExitsTwoNamingTheOption(string option, string value, string message)
    {
        using var run = PortfolioRun.Start("--input", JobRun.TransactionsFile, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Run_PreviousAsOfBeforeEveryOrder_ExitsTwoNamingTheOption()
    {
        var first = BundledExport.Instance.Rows.Min(r => r.Date);
        using var run = PortfolioRun.OnBundledData("--previous-as-of", first.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No customer bought on or before --previous-as-of", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Run_OwnInputWithoutManagers_ExitsTwoNamingTheOption()
    {
        using var run = PortfolioRun.Start("--input", JobRun.TransactionsFile, "--customers", JobRun.CustomersFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs --managers <file>", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Strict_ExitsOneNamingTheFirstBadLine()
    {
        // Returns netted, so the first bad row is a malformed line rather than the first return (this report rejects returns by default).
        using var run = PortfolioRun.OnBundledData("--strict", "--returns", "net");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Line {BundledExport.Instance.BadLines[0]}"), run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Run_StrictWithRejectedReturns_NamesTheLineColumnAndValueOfTheFirstReturn()
    {
        var export = BundledExport.Instance;
        var firstReturn = export.Rows.First(r => r.Amount < 0);
        var header = File.ReadLines(JobRun.TransactionsFile).First().Split(',');
        var fields = File.ReadLines(JobRun.TransactionsFile).ElementAt((int)firstReturn.Line - 1).Split(',');

        // The report rejects returns by default, so the first return fails the read, not the first malformed line after it.
        using var run = PortfolioRun.OnBundledData("--strict");

        Assert.True(firstReturn.Line < export.BadLines[0]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"error: Line {firstReturn.Line}, column '{header[2]}': '{fields[2]}' is a negative amount"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--returns net", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Run_CustomersWithoutManagerColumn_ExitsOne()
    {
        var file = Path.Combine(Path.GetTempPath(), "portfolioreport-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllLines(file, File.ReadLines(JobRun.CustomersFile).Select(l => string.Join(',', l.Split(',').Where((_, k) => k != 1))));
        try
        {
            using var run = PortfolioRun.Start("--input", JobRun.TransactionsFile, "--customers", file, "--managers", PortfolioRun.ManagersFile);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("has no text column account_manager", run.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
