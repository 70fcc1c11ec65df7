using CustomerValue.Models;
using Xunit;

namespace CustomerValue.Tests.Models;

public sealed class CalibrationAndValidationTests
{
    private static readonly ParetoNbdModel Model = new(0.553, 10.578, 0.606, 11.669, ModelTimeUnit.Week);

    [Fact]
    public void Compare_SmallPanel_BucketsByFrequencyAndSumsToTotals()
    {
        double[] x = [0, 0, 1, 2, 9, 12];
        double[] tx = [0, 0, 5, 20, 30, 31];
        double[] age = [10, 38, 38, 38, 38, 38];
        double[] holdout = [0, 1, 0, 2, 7, 10];
        var report = CalibrationHoldout.Compare(Model, x, tx, age, holdout, Horizon.Weeks(39), maxFrequency: 3);

        Assert.Equal(4, report.Buckets.Count);
        Assert.Equal([2, 1, 1, 2], report.Buckets.Select(b => b.Customers));
        Assert.Equal([1.0, 0, 2, 17], report.Buckets.Select(b => b.ActualPurchases));
        Assert.True(report.Buckets[3].IsOpenEnded);
        Assert.Equal(20, report.ActualPurchases);
        var predicted = Enumerable.Range(0, 6).Sum(i => Model.ExpectedPurchases(Horizon.Weeks(39), x[i], tx[i], age[i]));
        Assert.Equal(predicted, report.PredictedPurchases, 10);
        Assert.Equal(report.PredictedPurchases, report.Buckets.Sum(b => b.PredictedPurchases), 10);
        Assert.Equal(Model.ExpectedPurchases(Horizon.Weeks(39), 1, 5, 38), report.Buckets[1].PredictedMean, 12);
    }

    [Fact]
    public void Compare_FractionalHoldoutCount_ThrowsNamingRow()
    {
        var error = Assert.Throws<ArgumentException>(() => CalibrationHoldout.Compare(Model, [0, 1], [0, 1], [2, 2], [0, 0.5], Horizon.Weeks(10)));
        Assert.Contains("Row 1: holdoutPurchases", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN, 0, 1, "frequency")]
    [InlineData(-1, 0, 1, "frequency")]
    [InlineData(1.5, 0.5, 1, "frequency")]
    [InlineData(2, 5, 4, "recency")]
    [InlineData(0, 3, 4, "recency")]
    [InlineData(1, 1, double.PositiveInfinity, "age")]
    public void Fit_InvalidRow_ThrowsNamingRowAndField(double x, double tx, double age, string field)
    {
        double[] frequency = [1, x];
        double[] recency = [1, tx];
        double[] ages = [2, age];
        var error = Assert.Throws<ArgumentException>(() => BgNbdModel.Fit(frequency, recency, ages, ModelTimeUnit.Week));
        Assert.Equal(field, error.ParamName);
        Assert.StartsWith($"Row 1: {field}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NegativeWeight_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => MbgNbdModel.Fit([1, 2], [1, 2], [3, 3], [1, -1], ModelTimeUnit.Week, null));
        Assert.Contains("Row 1: weights", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BgBbFit_FrequencyAboveRecency_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => BgBbModel.Fit([3], [2], [6], ModelTimeUnit.Year));
        Assert.Equal("frequency", error.ParamName);
    }

    [Fact]
    public void Constructor_NonPositiveParameter_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoNbdModel(0.5, 10, 0, 11, ModelTimeUnit.Week));
        Assert.Equal("s", error.ParamName);
    }

    [Fact]
    public void PredictInto_Batch_EqualsSingleCustomerPredictions()
    {
        var s = CdnowFixture.Summary;
        var n = s["frequency"].Length;
        var alive = new double[n];
        var expected = new double[n];
        Model.PredictInto(s["frequency"], s["recency"], s["T"], Horizon.Weeks(52), alive, expected);
        for (var i = 0; i < n; i += 97)
        {
            Assert.Equal(Model.ProbabilityAlive(s["frequency"][i], s["recency"][i], s["T"][i]), alive[i]);
            Assert.Equal(Model.ExpectedPurchases(Horizon.Weeks(52), s["frequency"][i], s["recency"][i], s["T"][i]), expected[i]);
        }
    }

    [Fact]
    public void BgNbdProbabilityAlive_NoRepeatPurchases_IsOneButMbgNbdIsNot()
    {
        Assert.Equal(1.0, new BgNbdModel(0.243, 4.414, 0.793, 2.426, ModelTimeUnit.Week).ProbabilityAlive(0, 0, 38));
        Assert.InRange(new MbgNbdModel(0.525, 6.183, 0.891, 1.614, ModelTimeUnit.Week).ProbabilityAlive(0, 0, 38), 0.1, 0.9);
    }
}
