using Xunit;

namespace CustomerValue.Tests.LowValue;

public sealed class LowValueStageTests
{
    private static string[] Texts(CustomerFrame frame, string column) => [.. Enumerable.Range(0, frame.Count).Select(frame[column].FormatValue)];

    [Fact]
    public void Run_Portfolio_StatusesCriteriaAndReasonsAsHandChecked()
    {
        var scored = LowValuePortfolio.Pipeline().Run(LowValuePortfolio.Frame());

        Assert.Equal(["Valuable", "Low value", "Valueless", "Valueless", "Potential", "Potential", "New", "Potential"], Texts(scored, ColumnNames.ValueStatus));
        Assert.Equal(
        [
            "",
            "bottom value share; few orders; inactive",
            "bottom value share; few orders; inactive",
            "bottom value share; few orders",
            "bottom value share; few orders",
            "few orders; inactive",
            "",
            "bottom value share; inactive",
        ], Texts(scored, ColumnNames.LowValueCriteria));
        Assert.Equal(
        [
            "",
            "bottom value share; few orders; inactive",
            "zero or negative value",
            "zero or negative value",
            "new customer",
            "growing spend",
            "new customer",
            "stated potential",
        ], Texts(scored, ColumnNames.StatusReasons));
    }

    [Fact]
    public void Run_Any_OneCriterionIsEnoughButPotentialStillWins()
    {
        var scored = LowValuePortfolio.Pipeline(new LowValueOptions { Combination = CriteriaCombination.Any, BottomValueShare = null, InactiveDays = null }).Run(LowValuePortfolio.Frame());

        // Only "few orders" (<= 1) is on: v2 low value; v5 new, v6 growing -> potential; v8 has 2 orders.
        Assert.Equal(["Valuable", "Low value", "Valueless", "Valueless", "Potential", "Potential", "New", "Valuable"], Texts(scored, ColumnNames.ValueStatus));
    }

    [Fact]
    public void Run_All_EveryEnabledCriterionMustFire()
    {
        var scored = LowValuePortfolio.Pipeline(new LowValueOptions { Combination = CriteriaCombination.All }).Run(LowValuePortfolio.Frame());

        // All three fire only for v2 (and v3, which is valueless first); v5 (two of three) is merely new.
        Assert.Equal(["Valuable", "Low value", "Valueless", "Valueless", "New", "Valuable", "New", "Valuable"], Texts(scored, ColumnNames.ValueStatus));
    }

    [Fact]
    public void Run_AttributeCriteria_FireOnTheirColumnsAndNeverOnMissingValues()
    {
        var frame = LowValuePortfolio.Frame(
            new NumericColumn(ColumnNames.Interactions, [5.0, 0, 0, 0, double.NaN, 9, 1, 2]),
            new NumericColumn(ColumnNames.Complaints, [0.0, 2, 0, 0, 3, double.NaN, 0, 2]),
            new NumericColumn(ColumnNames.Satisfaction, [8.0, 3, 3, 3, 3, 3, double.NaN, 9]));
        var options = new LowValueOptions
        {
            BottomValueShare = null, MaxOrders = null, InactiveDays = null,
            MaxInteractions = 1, MinComplaints = 2, MaxSatisfaction = 4, MinimumCriteria = 3,
        };

        var scored = LowValuePortfolio.Pipeline(options).Run(frame);

        Assert.Equal("few interactions; many complaints; low satisfaction", Texts(scored, ColumnNames.LowValueCriteria)[1]);
        Assert.Equal("many complaints; low satisfaction", Texts(scored, ColumnNames.LowValueCriteria)[4]);
        Assert.Equal("low satisfaction", Texts(scored, ColumnNames.LowValueCriteria)[5]);
        Assert.Equal("few interactions", Texts(scored, ColumnNames.LowValueCriteria)[6]);
        Assert.Equal(["Valuable", "Low value", "Valueless", "Valueless", "New", "Valuable", "New", "Valuable"], Texts(scored, ColumnNames.ValueStatus));
    }

    [Fact]
    public void Run_PredictedValueThreshold_IsPotentialEvidence()
    {
        var frame = LowValuePortfolio.Frame(new NumericColumn("clv", [0.0, 250, 0, 0, 0, 0, 0, 0]));

        var off = LowValuePortfolio.Pipeline().Run(frame);
        var on = LowValuePortfolio.Pipeline(new LowValueOptions { PredictedValueThreshold = 200 }).Run(frame);

        Assert.Equal("Low value", off.GetCategory(ColumnNames.ValueStatus)[1]);
        Assert.Equal("Potential", on.GetCategory(ColumnNames.ValueStatus)[1]);
        Assert.Equal("predicted value", on[ColumnNames.StatusReasons].FormatValue(1));
    }

    [Fact]
    public void Run_PotentialThresholdOff_StatedPotentialIgnored()
    {
        var scored = LowValuePortfolio.Pipeline(new LowValueOptions { PotentialThreshold = null }).Run(LowValuePortfolio.Frame());

        Assert.Equal("Low value", scored.GetCategory(ColumnNames.ValueStatus)[7]);
        Assert.Equal("bottom value share; inactive", scored[ColumnNames.StatusReasons].FormatValue(7));
    }

    [Fact]
    public void Run_MissingValueAndTenure_NeitherValuelessNorNew()
    {
        var frame = CustomerFrame.Create(["a", "b"],
        [
            new NumericColumn(ColumnNames.Revenue, [double.NaN, 10]),
            new NumericColumn(ColumnNames.Orders, [1.0, double.NaN]),
            new NumericColumn(ColumnNames.RecencyDays, [400.0, 400]),
            new NumericColumn(ColumnNames.TenureDays, [double.NaN, 400]),
        ]);

        var scored = LowValuePortfolio.Pipeline().Run(frame);

        // a: few orders + inactive -> low value; its NaN value neither fires the share criterion nor makes it valueless.
        // b: 10 is the only positive value and exceeds 5% of the total, so the threshold is 0; NaN orders never fire.
        Assert.Equal(["Low value", "Valuable"], Texts(scored, ColumnNames.ValueStatus));
        Assert.Equal(["few orders; inactive", "inactive"], Texts(scored, ColumnNames.LowValueCriteria));
    }

    [Fact]
    public void Score_FrozenThreshold_AppliesToNextMonthsCustomers()
    {
        var model = LowValuePortfolio.Pipeline().Fit(LowValuePortfolio.Frame());
        var next = CustomerFrame.Create(["n1", "n2"],
        [
            new NumericColumn(ColumnNames.Revenue, [30.0, 31]),
            new NumericColumn(ColumnNames.Orders, [5.0, 5]),
            new NumericColumn(ColumnNames.RecencyDays, [400.0, 400]),
            new NumericColumn(ColumnNames.TenureDays, [900.0, 900]),
        ]);

        var scored = model.Score(next);

        Assert.Equal(["bottom value share; inactive", "inactive"], Texts(scored, ColumnNames.LowValueCriteria));
        Assert.Equal(["Low value", "Valuable"], Texts(scored, ColumnNames.ValueStatus));
        Assert.Contains("fitted bottom share value threshold = 30", model.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_LowValue_RoundTripsAndScoresTheSame()
    {
        var options = new LowValueOptions { MaxInteractions = 1, MaxSatisfaction = 4.5, PredictedValueThreshold = 10, Combination = CriteriaCombination.Any };
        var frame = LowValuePortfolio.Frame(
            new NumericColumn(ColumnNames.Interactions, [5.0, 0, 0, 0, 1, 9, 1, 2]),
            new NumericColumn(ColumnNames.Satisfaction, [8.0, 3, 3, 3, 3, 3, 3, 9]),
            new NumericColumn("clv", [1.0, 20, 0, 0, 0, 0, 0, 0]));
        var model = LowValuePortfolio.Pipeline(options).Fit(frame);

        var loaded = FittedPipeline.FromJson(model.ToJson());

        Assert.Equal(LowValuePortfolio.Render(model.Score(frame)), LowValuePortfolio.Render(loaded.Score(frame)));
        Assert.Equal(model.ToString(), loaded.ToString());
    }

    [Fact]
    public void Fit_BottomShareOnManyDistinctValues_MatchesSortedDefinition()
    {
        const int n = 50_000;
        var values = Enumerable.Range(0, n).Select(i => Math.Round(Math.Exp((i * 7919 % n) / 5000.0), 2) - 1).ToArray();
        var frame = CustomerFrame.Create(Enumerable.Range(0, n).Select(i => "c" + i),
        [
            new NumericColumn(ColumnNames.Revenue, values),
            new NumericColumn(ColumnNames.TenureDays, Enumerable.Repeat(1000.0, n)),
        ]);
        var options = new LowValueOptions { BottomValueShare = 0.2, MaxOrders = null, InactiveDays = null, Combination = CriteriaCombination.Any };

        var model = LowValuePortfolio.Pipeline(options).Fit(frame);

        var positive = values.Where(v => v > 0).Order().ToArray();
        var target = 0.2 * positive.Sum();
        var expected = 0.0;
        var cumulative = 0.0;
        foreach (var group in positive.GroupBy(v => v))
        {
            cumulative += group.Key * group.Count();
            if (cumulative > target * (1 + 1e-12))
            {
                break;
            }

            expected = group.Key;
        }

        Assert.Contains(FormattableString.Invariant($"fitted bottom share value threshold = {expected:R}"), model.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RequiredColumnsFollowTheEnabledCriteria()
    {
        var defaults = new CustomerPipelineBuilder().AddLowValueDetection().Build().Stages[0];
        var attributes = new CustomerPipelineBuilder().WithInputColumns(ColumnNames.Complaints)
            .AddLowValueDetection(new LowValueOptions { MaxOrders = null, InactiveDays = null, MinComplaints = 1 }).Build().Stages[0];

        Assert.Equal([ColumnNames.Revenue, ColumnNames.TenureDays, ColumnNames.Orders, ColumnNames.RecencyDays], defaults.RequiredColumns);
        Assert.Equal([ColumnNames.Revenue, ColumnNames.TenureDays, ColumnNames.Complaints], attributes.RequiredColumns);
        Assert.Equal([ColumnNames.LowValueCriteria, ColumnNames.ValueStatus, ColumnNames.StatusReasons], defaults.ProducedColumns);
    }

    [Fact]
    public void Build_InteractionsCriterionWithoutTheColumn_NamesWithInputColumns()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CustomerPipelineBuilder().AddLowValueDetection(new LowValueOptions { MaxInteractions = 2 }).Build());

        Assert.Contains("WithInputColumns(\"interactions\")", error.Message, StringComparison.Ordinal);
    }
}
