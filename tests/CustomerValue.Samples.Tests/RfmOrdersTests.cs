using System.Globalization;
using Xunit;

namespace CustomerValue.Samples.Tests;

/// <summary>One run of ValueJob on the bundled R rfm sample orders in R-compatible scoring, shared by the tests that read its scores.</summary>
public sealed class RfmOrdersFixture : IDisposable
{
    internal JobRun Run { get; } = JobRun.Start("--input", LibraryData.RfmOrdersFile, "--as-of", "2006-12-31", "--method", "r", "--no-charts");

    public void Dispose() => Run.Dispose();
}

/// <summary>ValueJob on the bundled R rfm 0.3.0 sample orders, against the figures the package documents (GUIDE.md section 3).</summary>
public sealed class RfmOrdersTests(RfmOrdersFixture fixture) : IClassFixture<RfmOrdersFixture>
{
    [Fact]
    public void Run_RfmOrders_ReadsEveryOrderOfEveryCustomer()
    {
        var lines = File.ReadLines(LibraryData.RfmOrdersFile).Skip(1).ToList();
        using var run = JobRun.Start("--input", LibraryData.RfmOrdersFile, "--as-of", "2006-12-31", "--no-charts");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(4906, lines.Count);
        Assert.Equal(lines.Count, run.Count("Read", "rows read"));
        Assert.Equal(lines.Count, run.Count("Read", "accepted"));
        Assert.Equal(0, run.Count("Read", "rejected"));
        Assert.Equal(995, run.Count("Summaries", "customers"));
        Assert.Equal(lines.Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Count(), run.Count("Summaries", "customers"));
        Assert.Equal(0, run.Count("Summaries", "excluded"));
    }

    [Fact]
    public void Run_RfmOrdersWithMethodR_ReproducesThePublishedScoreCounts()
    {
        var run = fixture.Run;
        var scored = File.ReadAllLines(run.OutFile("scored.csv"));
        var header = scored[0].Split(',');
        int[] Counts(string column)
        {
            var c = Array.IndexOf(header, column);
            return [.. Enumerable.Range(1, 5).Select(s => scored.Skip(1).Count(l => l.Split(',')[c] == s.ToString(CultureInfo.InvariantCulture)))];
        }

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal([197, 200, 199, 199, 200], Counts(ColumnNames.RecencyScore));
        Assert.Equal([268, 187, 176, 244, 120], Counts(ColumnNames.FrequencyScore));
        Assert.Equal([200, 200, 198, 202, 195], Counts(ColumnNames.MonetaryScore));
    }

    [Theory]
    [InlineData("Abbey O'Reilly", 205, 6, 472, 343)]
    [InlineData("Add Senger", 140, 3, 340, 412)]
    [InlineData("Aden Lesch", 194, 4, 405, 323)]
    [InlineData("Aden Murphy", 98, 7, 596, 544)]
    [InlineData("Admiral Senger", 132, 5, 448, 433)]
    [InlineData("Agness O'Keefe", 90, 9, 843, 555)]
    [InlineData("Aileen Barton", 84, 9, 763, 555)]
    [InlineData("Ailene Hermann", 281, 8, 699, 355)]
    [InlineData("Aiyanna Bruen", 246, 4, 157, 321)]
    [InlineData("Akeelah Walsh", 160, 7, 779, 445)]
    public void Run_RfmOrdersWithMethodR_ScoresThePublishedCustomers(string customer, int recencyDays, int orders, int amount, int code)
    {
        var run = fixture.Run;
        var scored = File.ReadAllLines(run.OutFile("scored.csv"));
        var header = scored[0].Split(',');
        var row = scored.Skip(1).Select(l => l.Split(',')).Single(f => f[0] == customer);

        Assert.Equal(recencyDays.ToString(CultureInfo.InvariantCulture), row[Array.IndexOf(header, ColumnNames.RecencyDays)]);
        Assert.Equal(orders.ToString(CultureInfo.InvariantCulture), row[Array.IndexOf(header, ColumnNames.Orders)]);
        Assert.Equal(amount.ToString(CultureInfo.InvariantCulture), row[Array.IndexOf(header, ColumnNames.Revenue)]);
        Assert.Equal(code.ToString(CultureInfo.InvariantCulture), row[Array.IndexOf(header, ColumnNames.RfmCode)]);
    }
}
