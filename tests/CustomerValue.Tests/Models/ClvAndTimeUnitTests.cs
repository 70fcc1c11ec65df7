using CustomerValue.Models;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Models;

[Properties(Arbitrary = [typeof(ModelGenerators)], MaxTest = 100)]
public sealed class ClvAndTimeUnitTests
{
    // Published CDNOW estimates in weeks (Fader, Hardie and Lee 2005; Fader and Hardie 2013).
    private static readonly BgNbdModel Purchases = new(0.243, 4.414, 0.793, 2.426, ModelTimeUnit.Week);
    private static readonly GammaGammaModel Spend = new(6.25, 3.74, 15.44);

    [Fact]
    public void HorizonIn_WeeksAndDays_ConvertsExactly()
    {
        Assert.Equal(273.0, Horizon.Weeks(39).In(ModelTimeUnit.Day));
        Assert.Equal(1.0, Horizon.Months(12).In(ModelTimeUnit.Year));
        Assert.Equal(365.2425 / 7, Horizon.Years(1).In(ModelTimeUnit.Week), 12);
    }

    [Fact]
    public void DiscountRatePer_MonthlyToYearly_Compounds()
    {
        var monthly = new DiscountRate(0.01, ModelTimeUnit.Month);
        Assert.Equal(Math.Pow(1.01, 12) - 1, monthly.Per(ModelTimeUnit.Year), 14);
        Assert.Equal(0.01, new DiscountRate(monthly.Per(ModelTimeUnit.Week), ModelTimeUnit.Week).Per(ModelTimeUnit.Month), 14);
    }

    [Fact]
    public void Horizon_NegativeValue_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Horizon(-1, ModelTimeUnit.Week));

    [Fact]
    public void ExpectedPurchases_SameHorizonInOtherUnits_IsTheSame()
    {
        var weeks = Purchases.ExpectedPurchases(Horizon.Weeks(52), 2, 30.43, 38.86);
        var days = Purchases.ExpectedPurchases(Horizon.Days(364), 2, 30.43, 38.86);
        Assert.Equal(weeks, days, 12);
    }

    [Fact]
    public void Compute_NoDiscountWholeSteps_IsSpendTimesExpectedPurchases()
    {
        var options = new ClvOptions(Horizon.Weeks(39), new DiscountRate(0, ModelTimeUnit.Week));
        var clv = CustomerLifetimeValue.Compute(Purchases, Spend, 2, 30.43, 38.86, 22.35, options);
        var expected = Spend.ExpectedAverageSpend(2, 22.35) * Purchases.ExpectedPurchases(Horizon.Weeks(39), 2, 30.43, 38.86);
        Assert.Equal(expected, clv, 10);
    }

    [Fact]
    public void Compute_MonthlyDiscount_DiscountsEachMonthFromItsEnd()
    {
        var options = new ClvOptions(Horizon.Months(3), new DiscountRate(0.02, ModelTimeUnit.Month));
        var clv = CustomerLifetimeValue.Compute(Purchases, 2, 30.43, 38.86, 10.0, options);
        var month = Horizon.Months(1).In(ModelTimeUnit.Week);
        var expected = 0.0;
        var previous = 0.0;
        for (var i = 1; i <= 3; i++)
        {
            var current = Purchases.ExpectedPurchases(Horizon.Weeks(i * month), 2, 30.43, 38.86);
            expected += 10.0 * (current - previous) / Math.Pow(1.02, i);
            previous = current;
        }

        Assert.Equal(expected, clv, 10);
    }

    [Fact]
    public void ComputeInto_Batch_EqualsSingleCustomerValues()
    {
        var t = CdnowFixture.Transactions;
        var options = new ClvOptions(Horizon.Years(1), new DiscountRate(0.1, ModelTimeUnit.Year)) { Step = ModelTimeUnit.Month };
        var result = new double[t["x"].Length];
        CustomerLifetimeValue.ComputeInto(Purchases, Spend, t["x"], t["t_x"], t["T"], t["zbar"], options, result);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(CustomerLifetimeValue.Compute(Purchases, Spend, t["x"][i], t["t_x"][i], t["T"][i], t["zbar"][i], options), result[i]);
        }

        Assert.All(result, v => Assert.True(double.IsFinite(v) && v >= 0));
    }

    [Fact]
    public void ComputeInto_InvalidRow_NamesRowAndField()
    {
        var result = new double[2];
        var options = new ClvOptions(Horizon.Months(12), new DiscountRate(0.01, ModelTimeUnit.Month));
        var error = Assert.Throws<ArgumentException>(() => CustomerLifetimeValue.ComputeInto(Purchases, Spend, [1, 2], [3, 40], [10, 38], [5, 5], options, result));
        Assert.Contains("Row 1: recency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DailyStepsOverCenturies_ThrowsNamingStep()
    {
        var options = new ClvOptions(Horizon.Years(100), new DiscountRate(0.0001, ModelTimeUnit.Day));
        var error = Assert.Throws<ArgumentException>(() => CustomerLifetimeValue.Compute(Purchases, 1, 1, 2, 10, options));
        Assert.Contains("ClvOptions.Step", error.Message, StringComparison.Ordinal);
    }

    [Property]
    public void Compute_LongerHorizon_NeverLowersValue(History h, Horizon horizon)
    {
        var rate = new DiscountRate(0.01, ModelTimeUnit.Month);
        var shorter = CustomerLifetimeValue.Compute(Purchases, h.Frequency, h.Recency, h.Age, 20, new ClvOptions(horizon, rate));
        var longer = CustomerLifetimeValue.Compute(Purchases, h.Frequency, h.Recency, h.Age, 20, new ClvOptions(new Horizon(horizon.Value * 1.5, horizon.Unit), rate));
        Assert.True(double.IsFinite(shorter) && shorter >= 0, $"{shorter}");
        Assert.True(longer >= shorter * (1 - 1e-12), $"{longer} < {shorter}");
    }

    [Property]
    public void Compute_HigherDiscountRate_NeverRaisesValue(History h, Horizon horizon)
    {
        var low = CustomerLifetimeValue.Compute(Purchases, h.Frequency, h.Recency, h.Age, 20, new ClvOptions(horizon, new DiscountRate(0.01, ModelTimeUnit.Month)));
        var high = CustomerLifetimeValue.Compute(Purchases, h.Frequency, h.Recency, h.Age, 20, new ClvOptions(horizon, new DiscountRate(0.05, ModelTimeUnit.Month)));
        Assert.True(high <= low * (1 + 1e-12), $"{high} > {low}");
    }
}
