using CustomerValue.Rfm;
using Xunit;

namespace CustomerValue.Tests.Rfm;

public sealed class RfmBinningTests
{
    [Fact]
    public void Fit_BalancedWithoutTies_SmallerGroupsComeFirst()
    {
        double[] values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        var cuts = Fit(values, 3, BinningMethod.BalancedQuantiles, higherIsBetter: true);
        Assert.Equal([40, 70], cuts.Thresholds);
        Assert.Equal([1, 2, 3], cuts.GroupScores);
        Assert.False(cuts.Collapsed);
    }

    [Fact]
    public void Fit_BalancedWithHeavyTieInTheMiddle_KeepsEveryValueItsOwnGroup()
    {
        // Every ideal cut (at 20.8, 41.6, ...) falls inside the tie of 100 at value 3; five groups still exist.
        var values = new[] { 1.0, 2.0 }.Concat(Enumerable.Repeat(3.0, 100)).Concat([4.0, 5.0]).ToArray();
        var cuts = Fit(values, 5, BinningMethod.BalancedQuantiles, higherIsBetter: true);
        Assert.Equal([2, 3, 4, 5], cuts.Thresholds);
        Assert.Equal([1, 2, 3, 4, 5], Score(values, cuts).Distinct().Order().Select(s => (int)s));
    }

    [Fact]
    public void Fit_BalancedRecency_MostRecentScoresHighest()
    {
        double[] days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var cuts = Fit(days, 5, BinningMethod.BalancedQuantiles, higherIsBetter: false);
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], Score(days, cuts));
    }

    [Theory]
    [InlineData(new double[] { 7, 7, 7 }, 5, true, new[] { 3 })]
    [InlineData(new double[] { 7, 7, 7 }, 4, true, new[] { 3 })]
    [InlineData(new double[] { 1, 2 }, 5, true, new[] { 1, 5 })]
    [InlineData(new double[] { 1, 2 }, 5, false, new[] { 5, 1 })]
    [InlineData(new double[] { 1, 2, 3 }, 5, true, new[] { 1, 3, 5 })]
    [InlineData(new double[] { 1, 2, 3, 4 }, 5, true, new[] { 1, 2, 4, 5 })]
    [InlineData(new double[] { 1, 2, 3, 4 }, 9, false, new[] { 9, 6, 4, 1 })]
    public void Fit_FewerDistinctValuesThanBins_SpreadsScoresAndReportsCollapse(double[] values, int bins, bool higherIsBetter, int[] groupScores)
    {
        var cuts = Fit(values, bins, BinningMethod.BalancedQuantiles, higherIsBetter);
        Assert.Equal(groupScores, cuts.GroupScores);
        Assert.True(cuts.Collapsed);
        Assert.Equal(values.Distinct().Count(), cuts.DistinctValues);
    }

    [Fact]
    public void Fit_ManyDistinctValues_DistinctValuesIsCappedAtBins()
        => Assert.Equal(5, Fit([1, 2, 3, 4, 5, 6, 7, 8], 5, BinningMethod.BalancedQuantiles, higherIsBetter: true).DistinctValues);

    [Fact]
    public void Fit_NtileWithTies_SplitsTiesByOrdinalIdAndFirstGroupsGetTheExtra()
    {
        double[] values = [1, 1, 1, 1, 2];
        string[] ids = ["e", "b", "a", "d", "c"];
        var cuts = RfmBinning.Fit(values, ids, 2, BinningMethod.Ntile, higherIsBetter: true);
        Assert.Equal([1.0], cuts.Thresholds);
        // Order (1,a) (1,b) (1,d) | (1,e) (2,c): sizes 3 and 2.
        Assert.Equal(["e"], cuts.ThresholdIds);
        var scores = new byte[values.Length];
        RfmBinning.Score(values, ids, cuts, scores);
        Assert.Equal([2, 1, 1, 1, 2], scores);
    }

    [Fact]
    public void Fit_NtileOnNewCustomerAtThreshold_UsesIdToPlaceIt()
    {
        var cuts = RfmBinning.Fit(new double[] { 1, 1, 1, 1, 2 }, ["e", "b", "a", "d", "c"], 2, BinningMethod.Ntile, higherIsBetter: true);
        var scores = new byte[3];
        RfmBinning.Score([1, 1, 0.5], ["c", "f", "z"], cuts, scores);
        Assert.Equal([1, 2, 1], scores);
    }

    [Fact]
    public void Fit_NtileWithoutTieAtThreshold_LeavesThresholdIdNull()
    {
        var cuts = RfmBinning.Fit(new double[] { 4, 3, 2, 1, 5, 6 }, ["a", "b", "c", "d", "e", "f"], 3, BinningMethod.Ntile, higherIsBetter: false);
        Assert.Equal([3, 5], cuts.Thresholds);
        Assert.Equal([null, null], cuts.ThresholdIds);
        Assert.Equal([3, 2, 1], cuts.GroupScores);
    }

    [Fact]
    public void Fit_NtileWithIdsOfWrongLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => RfmBinning.Fit(new double[] { 1, 2 }, ["a"], 2, BinningMethod.Ntile, higherIsBetter: true));
        Assert.Contains("one id per value (2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_EmptyInput_Throws()
        => Assert.Throws<ArgumentException>(() => RfmBinning.Fit(Array.Empty<double>(), [], 5, BinningMethod.BalancedQuantiles, higherIsBetter: true));

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Fit_BinsOutOfRange_Throws(int bins)
        => Assert.Throws<ArgumentOutOfRangeException>(() => RfmBinning.Fit(new double[] { 1, 2 }, [], bins, BinningMethod.BalancedQuantiles, higherIsBetter: true));

    [Fact]
    public void Fit_FixedCutPointsMethod_ThrowsAndPointsToFactory()
    {
        var error = Assert.Throws<ArgumentException>(() => RfmBinning.Fit(new double[] { 1, 2 }, [], 5, BinningMethod.FixedCutPoints, higherIsBetter: true));
        Assert.Contains("RfmDimensionCuts.FromCutPoints", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCutPoints_ValidPoints_ScoresByCountOfPointsAtOrBelow()
    {
        var cuts = RfmDimensionCuts.FromCutPoints([10, 20, 30, 40], 5, higherIsBetter: false);
        Assert.Equal(BinningMethod.FixedCutPoints, cuts.Method);
        Assert.Equal([5, 4, 3, 2, 1], cuts.GroupScores);
        Assert.Equal([5, 4, 4, 3, 1, 1], Score([-1, 10, 19.9, 20, 40, 1e9], cuts));
    }

    [Fact]
    public void FromCutPoints_NotIncreasing_ThrowsNamingBothPoints()
    {
        var error = Assert.Throws<ArgumentException>(() => RfmDimensionCuts.FromCutPoints([1, 2, 2, 3], 5, higherIsBetter: true));
        Assert.Contains("cut point 2 (2) is not greater than cut point 1 (2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCutPoints_WrongCount_ThrowsNamingExpectedCount()
    {
        var error = Assert.Throws<ArgumentException>(() => RfmDimensionCuts.FromCutPoints([1, 2], 5, higherIsBetter: true));
        Assert.Contains("need exactly 4 cut points; 2 were given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCutPoints_NotFinite_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => RfmDimensionCuts.FromCutPoints([1, double.NaN], 3, higherIsBetter: true));
        Assert.Contains("cut point 1 must be a finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_BufferOfWrongLength_Throws()
    {
        var cuts = RfmDimensionCuts.FromCutPoints([1], 2, higherIsBetter: true);
        Assert.Throws<ArgumentException>(() => RfmBinning.Score([1, 2], [], cuts, new byte[1]));
    }

    [Fact]
    public void Fit_LargeIntegerAndDoubleColumns_AllScoresOccurWithBalancedSizes()
    {
        var random = new Random(7);
        var days = Enumerable.Range(0, 1_000_000).Select(_ => (double)random.Next(0, 3650)).ToArray();
        var amounts = Enumerable.Range(0, 1_000_000).Select(_ => Math.Round(Math.Exp(random.NextDouble() * 8), 2)).ToArray();
        foreach (var values in new[] { days, amounts })
        {
            var sizes = Score(values, Fit(values, 5, BinningMethod.BalancedQuantiles, higherIsBetter: true))
                .GroupBy(s => s).OrderBy(g => g.Key).Select(g => g.Count()).ToArray();
            Assert.Equal(5, sizes.Length);
            Assert.All(sizes, s => Assert.InRange(s, 195_000, 205_000));
        }
    }

    private static RfmDimensionCuts Fit(double[] values, int bins, BinningMethod method, bool higherIsBetter)
        => RfmBinning.Fit(values, [], bins, method, higherIsBetter);

    private static byte[] Score(double[] values, RfmDimensionCuts cuts)
    {
        var scores = new byte[values.Length];
        RfmBinning.Score(values, [], cuts, scores);
        return scores;
    }
}
