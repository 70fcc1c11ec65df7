using CustomerValue.Models;
using Xunit;

namespace CustomerValue.Tests.Models;

public sealed class SpendAndPeriodModelTests
{
    private static readonly Lazy<GammaGammaModel> GammaGamma = new(() => GammaGammaModel.Fit(CdnowFixture.Transactions["x"], CdnowFixture.Transactions["zbar"]));
    private static readonly Lazy<BgBbModel> BgBb = new(() =>
    {
        var d = CdnowFixture.Donations;
        return BgBbModel.Fit(d["frequency"], d["recency"], d["periods"], d["weights"], ModelTimeUnit.Year, null);
    });

    [Fact]
    public void GammaGammaFit_CdnowRepeatCustomers_MatchesFaderHardie2013()
    {
        var model = GammaGamma.Value;
        Assert.Equal(6.25, Math.Round(model.P, 2));
        Assert.Equal(3.74, Math.Round(model.Q, 2));
        Assert.InRange(model.V, 15.448 - 0.001, 15.448 + 0.001);
        Assert.Equal(946, model.Diagnostics!.Customers);
    }

    [Fact]
    public void GammaGammaExpectedAverageSpend_Customers1To3_MatchPublished()
    {
        var t = CdnowFixture.Transactions;
        var expected = new[] { 24.65, 18.91, 35.17 };
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(GammaGamma.Value.ExpectedAverageSpend(t["x"][i], t["zbar"][i]), expected[i] - 0.01, expected[i] + 0.01);
        }
    }

    [Fact]
    public void GammaGammaFit_NoRepeatCustomers_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit([0, 0], [0, 0]));
        Assert.Contains("repeat customer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GammaGammaFit_NegativeSpend_ThrowsNamingRowAndField()
    {
        var error = Assert.Throws<ArgumentException>(() => GammaGammaModel.Fit([1, 2], [10, -5]));
        Assert.Contains("Row 1", error.Message, StringComparison.Ordinal);
        Assert.Equal("monetaryValue", error.ParamName);
    }

    [Fact]
    public void GammaGammaExpectedAverageSpend_QBelowOne_ThrowsInsteadOfNegativeSpend()
    {
        var model = new GammaGammaModel(0.5, 0.8, 10);
        Assert.Throws<InvalidOperationException>(() => model.ExpectedAverageSpend(0, 0));
        Assert.True(model.ExpectedAverageSpend(3, 20) > 0);
    }

    [Fact]
    public void BgBbFit_Donations_MatchesFaderHardieShang2010()
    {
        var model = BgBb.Value;
        Assert.Equal(1.204, Math.Round(model.Alpha, 3));
        Assert.Equal(0.750, Math.Round(model.Beta, 3));
        Assert.Equal(0.657, Math.Round(model.Gamma, 3));
        Assert.Equal(2.783, Math.Round(model.Delta, 3));
        Assert.Equal(11104, model.Diagnostics!.Customers);
    }

    [Fact]
    public void BgBbProbabilityOfPurchases_SumsToOneOverAllCounts()
    {
        var model = BgBb.Value;
        var total = Enumerable.Range(0, 6).Sum(n => model.ProbabilityOfPurchases(n, Horizon.Years(5)));
        Assert.Equal(1.0, total, 12);
    }

    [Fact]
    public void BgBbExpectedPurchasesOfNewCustomer_EqualsMeanOfDistribution()
    {
        var model = BgBb.Value;
        var mean = Enumerable.Range(0, 6).Sum(n => n * model.ProbabilityOfPurchases(n, Horizon.Years(5)));
        Assert.Equal(mean, model.ExpectedPurchasesOfNewCustomer(Horizon.Years(5)), 10);
    }

    [Fact]
    public void BgBbPredictions_ActiveDonor_AreConsistent()
    {
        var model = BgBb.Value;
        var alive = model.ProbabilityAlive(6, 6, 6);
        Assert.InRange(alive, 0.9, 1.0);
        Assert.True(model.ProbabilityAlive(1, 1, 6) < alive);
        var ten = model.ExpectedPurchases(Horizon.Years(10), 6, 6, 6);
        var five = model.ExpectedPurchases(Horizon.Years(5), 6, 6, 6);
        Assert.InRange(five, 0, ten);
    }

    [Fact]
    public void BgBbExpectedPurchases_HorizonNotWholePeriods_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => BgBb.Value.ExpectedPurchases(Horizon.Months(18), 1, 1, 6));
        Assert.Contains("whole number of periods", error.Message, StringComparison.Ordinal);
    }
}
