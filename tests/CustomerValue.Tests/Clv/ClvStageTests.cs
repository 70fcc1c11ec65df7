using CustomerValue.Models;
using Xunit;

namespace CustomerValue.Tests.Clv;

public sealed class ClvStageTests
{
    private static readonly CustomerFrame Cdnow =
        CustomerSummaries.FromTransactions(Fixture.CdnowSample(), new SummaryOptions { AsOf = new DateOnly(1997, 9, 30) }).Customers;

    private static readonly Lazy<FittedPipeline> Model = new(() => new CustomerPipelineBuilder().AddClv().Build().Fit(Cdnow));

    [Fact]
    public void Fit_CdnowDailySummary_FindsThePublishedBgNbdParametersInDays()
    {
        var parameters = Model.Value.Describe().Single().Parameters.ToDictionary(p => p.Key, p => double.Parse(p.Value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

        // The published fit is in weeks (alpha 4.414); the stage fitted days, so alpha is 7 times larger. The published
        // input rounds recency and T to 2 decimals of a week, hence the tolerance.
        Assert.Equal(0.243, parameters["r"], 0.005);
        Assert.Equal(4.414, parameters["alpha"] / 7, 0.05);
        Assert.Equal(0.793, parameters["a"], 0.01);
        Assert.Equal(2.426, parameters["b"], 0.05);
    }

    [Fact]
    public void Score_Cdnow_GivesProbabilitiesAndNonNegativeValues()
    {
        var scored = Model.Value.Score(Cdnow);

        Assert.All(scored.GetNumeric(ColumnNames.ProbabilityAlive).Values.ToArray(), p => Assert.InRange(p, 0, 1));
        Assert.All(scored.GetNumeric(ColumnNames.ExpectedPurchases).Values.ToArray(), e => Assert.True(e >= 0));
        Assert.All(scored.GetNumeric(ColumnNames.Clv).Values.ToArray(), v => Assert.True(v >= 0 && double.IsFinite(v)));
        Assert.All(scored.GetNumeric(ColumnNames.ExpectedSpend).Values.ToArray(), s => Assert.True(s > 0));
    }

    [Fact]
    public void Score_WeeklyModelOnDailySummary_ConvertsUnits()
    {
        // Customer 1 of the published example: x = 2, t_x = 30.43, T = 38.86 weeks, 1.226 purchases in 39 weeks.
        var weekly = new BgNbdModel(0.243, 4.414, 0.793, 2.426, ModelTimeUnit.Week);
        var options = new ClvStageOptions { PurchaseModel = weekly, SpendModel = new GammaGammaModel(6.25, 3.74, 15.44), Horizon = Horizon.Weeks(39) };
        var population = CustomerFrame.Create(["1"],
        [
            new NumericColumn(ColumnNames.ModelFrequency, [2.0]),
            new NumericColumn(ColumnNames.ModelRecency, [30.43 * 7]),
            new NumericColumn(ColumnNames.ModelT, [38.86 * 7]),
            new NumericColumn(ColumnNames.ModelMonetary, [22.35]),
        ]);

        var scored = new CustomerPipelineBuilder().AddClv(options).Build().Run(population);

        Assert.Equal(1.226, scored.GetNumeric(ColumnNames.ExpectedPurchases)[0], 0.001);
    }

    [Fact]
    public void ToJson_ClvStage_RoundTripsAndScoresTheSame()
    {
        var loaded = FittedPipeline.FromJson(Model.Value.ToJson());

        var a = Model.Value.Score(Cdnow);
        var b = loaded.Score(Cdnow);

        Assert.Equal(a.GetNumeric(ColumnNames.Clv).Values.ToArray(), b.GetNumeric(ColumnNames.Clv).Values.ToArray());
        Assert.Equal(a.GetNumeric(ColumnNames.ProbabilityAlive).Values.ToArray(), b.GetNumeric(ColumnNames.ProbabilityAlive).Values.ToArray());
    }

    [Fact]
    public void Fit_NoRepeatCustomers_FailsClearly()
    {
        var population = CustomerFrame.Create(["a", "b"],
        [
            new NumericColumn(ColumnNames.ModelFrequency, [0.0, 0]),
            new NumericColumn(ColumnNames.ModelRecency, [0.0, 0]),
            new NumericColumn(ColumnNames.ModelT, [10.0, 20]),
            new NumericColumn(ColumnNames.ModelMonetary, [0.0, 0]),
        ]);

        var error = Assert.ThrowsAny<Exception>(() => new CustomerPipelineBuilder().AddClv().Build().Fit(population));

        Assert.IsNotType<NullReferenceException>(error);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Fit_RecencyAboveT_NamesTheCustomer()
    {
        var population = CustomerFrame.Create(["a", "b"],
        [
            new NumericColumn(ColumnNames.ModelFrequency, [1.0, 2]),
            new NumericColumn(ColumnNames.ModelRecency, [5.0, 30]),
            new NumericColumn(ColumnNames.ModelT, [10.0, 20]),
            new NumericColumn(ColumnNames.ModelMonetary, [10.0, 12]),
        ]);

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddClv().Build().Fit(population));

        Assert.Contains("Customer 'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddClv_InvalidOptions_NamesEveryBadOption()
    {
        var options = new ClvStageOptions { SummaryUnit = ModelTimeUnit.Month, Horizon = Horizon.Weeks(0), DiscountRate = new DiscountRate(0.01, ModelTimeUnit.Month) with { } };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddClv(options));

        Assert.Contains("SummaryUnit", error.Message, StringComparison.Ordinal);
        Assert.Contains("Horizon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ClvThenTiers_TiersOnClv()
    {
        var scored = new CustomerPipelineBuilder().AddClv().AddAbcTiers(new AbcTierOptions { ValueColumn = ColumnNames.Clv }).Build().Run(Cdnow);

        var clv = scored.GetNumeric(ColumnNames.Clv);
        var tiers = scored.GetCategory(ColumnNames.Tier);
        var lowestA = Enumerable.Range(0, scored.Count).Where(i => tiers[i] == "A").Min(i => clv[i]);
        var highestC = Enumerable.Range(0, scored.Count).Where(i => tiers[i] == "C").Max(i => clv[i]);
        Assert.True(lowestA > highestC);
    }
}
