using System.Globalization;
using CustomerValue.Rfm;
using Xunit;

namespace CustomerValue.Tests.Rfm;

public sealed class RCompatibleBinningTests
{
    private static readonly DateOnly AsOf = new(2006, 12, 31);

    public static TheoryData<string, int, int, int, int, int, int> PublishedRows => new()
    {
        { "Abbey O'Reilly", 205, 6, 472, 3, 4, 3 },
        { "Add Senger", 140, 3, 340, 4, 1, 2 },
        { "Aden Lesch", 194, 4, 405, 3, 2, 3 },
        { "Aden Murphy", 98, 7, 596, 5, 4, 4 },
        { "Admiral Senger", 132, 5, 448, 4, 3, 3 },
        { "Agness O'Keefe", 90, 9, 843, 5, 5, 5 },
        { "Aileen Barton", 84, 9, 763, 5, 5, 5 },
        { "Ailene Hermann", 281, 8, 699, 3, 5, 5 },
        { "Aiyanna Bruen", 246, 4, 157, 3, 2, 1 },
        { "Akeelah Walsh", 160, 7, 779, 4, 4, 5 },
    };

    [Fact]
    public void Fit_RfmSampleOrders_TotalOrdersMatchPublished()
        => Assert.Equal(4906, Customers.Value.Orders.Sum());

    [Theory]
    [MemberData(nameof(PublishedRows))]
    public void Fit_RfmSampleOrders_ReproducesPublishedRow(string customer, int recencyDays, int orders, int amount, int r, int f, int m)
    {
        var data = Customers.Value;
        var i = Array.IndexOf(data.Ids, customer);
        Assert.Equal((double)recencyDays, data.Recency[i]);
        Assert.Equal((double)orders, data.Orders[i]);
        Assert.Equal((double)amount, data.Amount[i]);
        Assert.Equal(r, Scores.Value.R[i]);
        Assert.Equal(f, Scores.Value.F[i]);
        Assert.Equal(m, Scores.Value.M[i]);
    }

    [Fact]
    public void Fit_RfmSampleOrders_ReproducesPublishedScoreCounts()
    {
        Assert.Equal([197, 200, 199, 199, 200], CountPerScore(Scores.Value.R));
        Assert.Equal([268, 187, 176, 244, 120], CountPerScore(Scores.Value.F));
        Assert.Equal([200, 200, 198, 202, 195], CountPerScore(Scores.Value.M));
    }

    [Fact]
    public void Fit_RfmSampleOrders_ThresholdsAreTypeSevenQuantilesPlusOne()
    {
        // R rfm documents these thresholds in its custom-threshold example: 115, 181, 297(.4), 482 and 4, 5, 6, 8.
        var data = Customers.Value;
        AssertClose([115, 181, 297.4, 482], Fit(data.Recency, higherIsBetter: false).Thresholds);
        AssertClose([4, 5, 6, 8], Fit(data.Orders, higherIsBetter: true).Thresholds);
        AssertClose([255.8, 382, 506.4, 666], Fit(data.Amount, higherIsBetter: true).Thresholds);
    }

    [Fact]
    public void Fit_CoincidingQuantiles_LeavesScoresUnusedAndReportsCollapse()
    {
        // 70% of customers with one order (R rfm issue #17): quantiles 1, 1, 1, 2.2 -> breaks 2, 2, 2, 3.2,
        // so scores 2 and 3 never occur and 3 orders still score 4.
        double[] orders = [1, 1, 1, 1, 1, 1, 1, 2, 3, 4];
        var cuts = Fit(orders, higherIsBetter: true);
        AssertClose([2, 2, 2, 3.2], cuts.Thresholds);
        var scores = new byte[orders.Length];
        RfmBinning.Score(orders, [], cuts, scores);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 4, 4, 5], scores);
        Assert.True(cuts.Collapsed);
    }

    private static RfmDimensionCuts Fit(double[] values, bool higherIsBetter)
        => RfmBinning.Fit(values, [], 5, BinningMethod.RCompatible, higherIsBetter);

    private static void AssertClose(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-9);
        }
    }

    private static int[] CountPerScore(byte[] scores)
        => Enumerable.Range(1, 5).Select(s => scores.Count(x => x == s)).ToArray();

    private static byte[] ScoreAll(double[] values, bool higherIsBetter)
    {
        var scores = new byte[values.Length];
        RfmBinning.Score(values, [], Fit(values, higherIsBetter), scores);
        return scores;
    }

    private static readonly Lazy<(string[] Ids, double[] Recency, double[] Orders, double[] Amount)> Customers = new(() =>
    {
        var last = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var orders = new Dictionary<string, int>(StringComparer.Ordinal);
        var amount = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "rfm", "rfm_data_orders.csv")).Skip(1))
        {
            var fields = line.Split(',');
            var id = fields[0];
            var date = DateOnly.ParseExact(fields[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            last[id] = last.TryGetValue(id, out var seen) && seen > date ? seen : date;
            orders[id] = orders.GetValueOrDefault(id) + 1;
            amount[id] = amount.GetValueOrDefault(id) + double.Parse(fields[2], CultureInfo.InvariantCulture);
        }

        var ids = last.Keys.Order(StringComparer.Ordinal).ToArray();
        return (
            ids,
            ids.Select(id => (double)(AsOf.DayNumber - last[id].DayNumber)).ToArray(),
            ids.Select(id => (double)orders[id]).ToArray(),
            ids.Select(id => amount[id]).ToArray());
    });

    private static readonly Lazy<(byte[] R, byte[] F, byte[] M)> Scores = new(() =>
    {
        var data = Customers.Value;
        return (ScoreAll(data.Recency, higherIsBetter: false), ScoreAll(data.Orders, higherIsBetter: true), ScoreAll(data.Amount, higherIsBetter: true));
    });
}
