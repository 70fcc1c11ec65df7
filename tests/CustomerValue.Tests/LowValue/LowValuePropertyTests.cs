using System.Numerics;
using CustomerValue.LowValue;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.LowValue;

public sealed class LowValuePropertyTests
{
    private static readonly LowValueOptions Options = new() { BottomValueShare = 0.3, MaxOrders = 2, InactiveDays = 300, MinimumCriteria = 2 };

    [Property(MaxTest = 100)]
    public Property Run_AnyPopulation_LowValueAlwaysHasItsFiredCriteriaAsReasons()
        => Prop.ForAll(LowValuePortfolio.Population().ToArbitrary(), population =>
        {
            var scored = LowValuePortfolio.Pipeline(Options).Run(population);
            var status = scored.GetCategory(ColumnNames.ValueStatus);
            var criteria = (FlagsColumn)scored[ColumnNames.LowValueCriteria];
            var reasons = (FlagsColumn)scored[ColumnNames.StatusReasons];
            return Enumerable.Range(0, scored.Count).Where(i => status[i] == ValueStatuses.LowValue)
                .All(i => reasons[i] != 0 && reasons[i] == criteria[i] && BitOperations.PopCount(criteria[i]) >= 2);
        });

    [Property(MaxTest = 100)]
    public Property Run_AnyPopulation_PotentialEvidenceNeverLeavesACustomerLowValue()
        => Prop.ForAll(LowValuePortfolio.Population().ToArbitrary(), population =>
        {
            var scored = LowValuePortfolio.Pipeline(Options).Run(population);
            var status = scored.GetCategory(ColumnNames.ValueStatus);
            var tenure = scored.GetNumeric(ColumnNames.TenureDays);
            var window = scored.GetNumeric(ColumnNames.WindowSpend);
            var previous = scored.GetNumeric(ColumnNames.PreviousWindowSpend);
            var potential = scored.GetNumeric(ColumnNames.Potential);
            var reasons = scored[ColumnNames.StatusReasons];
            return Enumerable.Range(0, scored.Count).All(i =>
            {
                var evidence = tenure[i] < 90 || window[i] > previous[i] || potential[i] > 0.5;
                return (!evidence || status[i] != ValueStatuses.LowValue)
                    && (status[i] != ValueStatuses.Potential || (evidence && reasons.FormatValue(i).Length > 0));
            });
        });

    [Property(MaxTest = 100)]
    public Property Run_AnyPopulation_StatusesPartitionThePopulation()
        => Prop.ForAll(LowValuePortfolio.Population().ToArbitrary(), population =>
        {
            var scored = LowValuePortfolio.Pipeline(Options).Run(population);
            var status = scored.GetCategory(ColumnNames.ValueStatus);
            var revenue = scored.GetNumeric(ColumnNames.Revenue);
            var summary = LowValueSummary.Create(scored);
            return Enumerable.Range(0, scored.Count).All(i => status.Codes[i] >= 0 && (status[i] == ValueStatuses.Valueless) == (revenue[i] <= 0))
                && summary.Rows.Sum(r => r.Customers) == scored.Count
                && Math.Abs(summary.Rows.Sum(r => r.CustomerShare) - 1) < 1e-9;
        });

    [Property(MaxTest = 100)]
    public Property Run_ShuffledPopulation_EachCustomerKeepsItsStatus()
        => Prop.ForAll(LowValuePortfolio.Population().ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (population, seed) =>
        {
            var order = Enumerable.Range(0, population.Count).ToArray();
            new Random(seed).Shuffle(order);
            var pipeline = LowValuePortfolio.Pipeline(Options);
            var a = pipeline.Run(population);
            var b = pipeline.Run(population.Select(order));
            return population.CustomerIds.All(id =>
                Row(a, a.IndexOf(id)) == Row(b, b.IndexOf(id)));
        });

    [Property(MaxTest = 100)]
    public Property Run_AnyPopulation_BottomShareCustomersHoldAtMostTheShare()
        => Prop.ForAll(LowValuePortfolio.Population().ToArbitrary(), population =>
        {
            var scored = LowValuePortfolio.Pipeline(Options).Run(population);
            var revenue = scored.GetNumeric(ColumnNames.Revenue);
            var fired = (FlagsColumn)scored[ColumnNames.LowValueCriteria];
            var positive = Enumerable.Range(0, scored.Count).Where(i => revenue[i] > 0).ToArray();
            var total = positive.Sum(i => revenue[i]);
            var inBottom = positive.Where(i => (fired[i] & 1) != 0).ToArray();
            var outside = positive.Where(i => (fired[i] & 1) == 0).ToArray();

            // Held share within the target, equal values on the same side, and the next value up would exceed it.
            var held = inBottom.Sum(i => revenue[i]);
            var maxIn = inBottom.Length == 0 ? 0 : inBottom.Max(i => revenue[i]);
            var minOut = outside.Length == 0 ? double.PositiveInfinity : outside.Min(i => revenue[i]);
            var nextGroup = outside.Where(i => revenue[i] == minOut).Sum(i => revenue[i]);
            return held <= (0.3 * total) + 1e-9 && maxIn < minOut
                && (outside.Length == 0 || held + nextGroup > (0.3 * total) - 1e-9)
                && Enumerable.Range(0, scored.Count).All(i => revenue[i] > 0 || (fired[i] & 1) != 0);
        });

    [Property(MaxTest = 100)]
    public Property Score_ManyRowsAtOnce_EqualsEachRowScoredAlone()
        => Prop.ForAll(AllCriteria().ToArbitrary(), Gen.Choose(0, 7).ToArbitrary(), (population, combination) =>
        {
            // Whole blocks take the vector loop, a frame of one row the scalar one: both must decide alike.
            var options = new LowValueOptions
            {
                BottomValueShare = 0.3,
                MaxOrders = 2,
                InactiveDays = 300,
                MaxInteractions = 1,
                MinComplaints = 2,
                MaxSatisfaction = 4,
                PredictedValueThreshold = 50,
                Combination = combination switch { 0 => CriteriaCombination.All, 1 => CriteriaCombination.Any, _ => CriteriaCombination.AtLeast },
                MinimumCriteria = Math.Max(1, combination - 1),
            };
            var model = LowValuePortfolio.Pipeline(options).Fit(population);
            var whole = model.Score(population);
            return Enumerable.Range(0, population.Count).All(i => Row(model.Score(population.Select([i])), 0) == Row(whole, i));
        });

    [Property(MaxTest = 100)]
    public Property Fit_AfterAbcTiersOnTheSameColumn_SharedBucketsGiveTheSameThresholds()
        => Prop.ForAll(LowValuePortfolio.Population().Where(p => p.GetNumeric(ColumnNames.Revenue).Values.ToArray().Any(v => v > 0)).ToArbitrary(), population =>
        {
            // Within one pipeline fit both stages read one bucketing of the value column (FitScope); alone, each builds its own.
            var inputs = new[] { ColumnNames.Potential, ColumnNames.Interactions, ColumnNames.Complaints, ColumnNames.Satisfaction, "clv" };
            var both = new CustomerPipelineBuilder().WithInputColumns(inputs).AddAbcTiers().AddLowValueDetection(Options).Build().Fit(population);
            var lowValueAlone = LowValuePortfolio.Pipeline(Options).Fit(population);
            var abcAlone = new CustomerPipelineBuilder().AddAbcTiers().Build().Fit(population);
            return ((FittedLowValueStage)both.Stages[1]).ValueThreshold == ((FittedLowValueStage)lowValueAlone.Stages[0]).ValueThreshold
                && both.Describe()[0].Parameters.SequenceEqual(abcAlone.Describe()[0].Parameters);
        });

    [Fact]
    public void Fit_InfiniteAndMissingValues_AreLeftOutOfTheBottomShare()
    {
        // 10 + 20 + 30 + 40 = 100 of finite positive value; 30% = 30: 10 + 20 fit, 30 more would not.
        var values = new[] { 10, double.PositiveInfinity, 20, double.NaN, 30, double.NegativeInfinity, 40 };
        var population = CustomerFrame.Create(Enumerable.Range(0, values.Length).Select(i => "i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        [
            new NumericColumn(ColumnNames.Revenue, values),
            new NumericColumn(ColumnNames.Orders, Enumerable.Repeat(5.0, values.Length)),
            new NumericColumn(ColumnNames.RecencyDays, Enumerable.Repeat(1.0, values.Length)),
            new NumericColumn(ColumnNames.TenureDays, Enumerable.Repeat(400.0, values.Length)),
        ]);

        var model = LowValuePortfolio.Pipeline(new LowValueOptions { BottomValueShare = 0.3 }).Fit(population);

        Assert.Equal(20, ((FittedLowValueStage)model.Stages[0]).ValueThreshold);
    }

    /// <summary>4..40 customers with every criterion's column, each value possibly missing.</summary>
    private static Gen<CustomerFrame> AllCriteria() =>
        from population in LowValuePortfolio.Population(40).Where(p => p.Count >= 4)
        from interactions in Gen.ArrayOf(Gen.Choose(-1, 3), population.Count)
        from complaints in Gen.ArrayOf(Gen.Choose(-1, 4), population.Count)
        from satisfaction in Gen.ArrayOf(Gen.Choose(-1, 10), population.Count)
        from clv in Gen.ArrayOf(Gen.Choose(-1, 10), population.Count)
        select population.AddColumns(
        [
            new NumericColumn(ColumnNames.Interactions, interactions.Select(Missing)),
            new NumericColumn(ColumnNames.Complaints, complaints.Select(Missing)),
            new NumericColumn(ColumnNames.Satisfaction, satisfaction.Select(Missing)),
            new NumericColumn("clv", clv.Select(c => c < 0 ? double.NaN : c * 10.0)),
        ]);

    private static double Missing(int value) => value < 0 ? double.NaN : value;

    private static string Row(CustomerFrame frame, int row) => string.Join(',', frame.Columns.Select(c => c.FormatValue(row)));
}
