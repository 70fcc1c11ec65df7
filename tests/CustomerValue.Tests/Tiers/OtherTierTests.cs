using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static CustomerValue.Tests.Tiers.TierFrames;

namespace CustomerValue.Tests.Tiers;

public sealed class OtherTierTests
{
    private static readonly PercentileTierOptions Metals = new()
    {
        Tiers = [new("Platinum", 0.2), new("Gold", 0.3), new("Silver", 0.3)],
        RestTier = "Bronze",
    };

    [Fact]
    public void AddPercentileTiers_TiesAtBandEdges_JoinTheHigherTier()
    {
        // n = 10: Platinum reaches 2 customers, but 90 is tied three times, so all three join (3 = 30%).
        // Platinum + Gold must reach 5: the 50s bring 3 to 5. Silver must reach 8: the 20s bring 5 to 9.
        double[] values = [100, 90, 90, 50, 50, 20, 20, 20, 20, 5];

        var scored = Run(new CustomerPipelineBuilder().AddPercentileTiers(Metals), Revenue([.. values.Reverse()]));

        Assert.Equal(["Bronze", "Silver", "Silver", "Silver", "Silver", "Gold", "Gold", "Platinum", "Platinum", "Platinum"], TiersOf(scored));
    }

    [Fact]
    public void AddPercentileTiers_Defaults_TopTwentyNextThirtyRest()
    {
        var scored = Run(new CustomerPipelineBuilder().AddPercentileTiers(), Revenue(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, double.NaN));

        Assert.Equal(["Bottom", "Bottom", "Bottom", "Bottom", "Bottom", "Middle", "Middle", "Middle", "Top", "Top", "(none)"], TiersOf(scored));
    }

    [Fact]
    public void AddPercentileTiers_SharesOfTenths_KeepExactEdges()
    {
        // 0.1 + 0.2 is 0.30000000000000004 in doubles; the edge must still be 3 of 10 customers, not 4.
        var options = new PercentileTierOptions { Tiers = [new("T1", 0.1), new("T2", 0.2)], RestTier = "R" };

        var scored = Run(new CustomerPipelineBuilder().AddPercentileTiers(options), Revenue(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));

        Assert.Equal(["T1", "T2", "T2", "R", "R", "R", "R", "R", "R", "R"], TiersOf(scored));
    }

    [Fact]
    public void Score_PercentileNewCustomers_UsesFrozenThresholds()
    {
        var model = new CustomerPipelineBuilder().AddPercentileTiers().Build().Fit(Revenue(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

        var next = model.Score(CustomerFrame.Create(["N1", "N2", "N3"], [new NumericColumn(ColumnNames.Revenue, [9, 8.5, 100])]));

        Assert.Equal(["Top", "Middle", "Top"], TiersOf(next));
    }

    [Fact]
    public void Fit_LargePercentilePopulation_MatchesSortedReference()
    {
        var random = new Random(11);
        var values = new double[250_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round(random.NextDouble() * random.NextDouble() * 5000, 2);
        }

        var model = new CustomerPipelineBuilder().AddPercentileTiers(Metals).Build().Fit(Revenue(values));

        var sorted = values.OrderDescending().ToArray();
        double[] expected = [sorted[(int)Math.Ceiling(0.2 * values.Length) - 1], sorted[(int)Math.Ceiling(0.5 * values.Length) - 1], sorted[(int)Math.Ceiling(0.8 * values.Length) - 1]];
        var actual = model.Describe()[0].Parameters.Take(3).Select(p => double.Parse(p.Value[3..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, actual);
    }

    [Property(MaxTest = 200)]
    public Property Run_PercentileAnyValues_BandsReachTheirCountWithoutStraddlingTies()
        => Prop.ForAll(Values(), values =>
        {
            var codes = Run(new CustomerPipelineBuilder().AddPercentileTiers(Metals), Revenue(values)).GetCategory(ColumnNames.Tier).Codes.ToArray();
            var ok = true;
            decimal[] cumulative = [0.2m, 0.5m, 0.8m];
            for (var k = 0; k < 3; k++)
            {
                var inBands = values.Where((v, i) => codes[i] <= k).ToArray();
                var target = Math.Ceiling(cumulative[k] * values.Length);
                ok &= inBands.Length >= target && inBands.Count(v => v != inBands.Min()) < target;
            }

            var monotone = Enumerable.Range(0, values.Length).All(i => Enumerable.Range(0, values.Length).All(j => !(values[i] > values[j]) || codes[i] <= codes[j]));
            return ok && monotone && codes.All(c => c is >= 0 and <= 3);
        });

    [Fact]
    public void AddThresholdTiers_Examples_UseInclusiveMinimums()
    {
        var options = new ThresholdTierOptions
        {
            Tiers = [new("Platinum", 10_000), new("Gold", 2_000), new("Silver", 500)],
            RestTier = "Bronze",
        };

        var scored = Run(new CustomerPipelineBuilder().AddThresholdTiers(options), Revenue(10_000, 9_999.99, 2_000, 500, 499.99, -3, double.NaN));

        Assert.Equal(["Platinum", "Gold", "Gold", "Silver", "Bronze", "Bronze", "(none)"], TiersOf(scored));
    }

    [Fact]
    public void AddThresholdTiers_ScoreColumn_ReadsScores()
    {
        var population = CustomerFrame.Create(["a", "b", "c"], [new ScoreColumn(ColumnNames.RecencyScore, 5, [5, 3, 0])]);
        var options = new ThresholdTierOptions { ValueColumn = ColumnNames.RecencyScore, Tiers = [new("Recent", 4)] };

        var scored = Run(new CustomerPipelineBuilder().AddThresholdTiers(options), population);

        Assert.Equal(["Recent", "Rest", "(none)"], TiersOf(scored));
    }

    [Fact]
    public void AddSegmentTiers_MapsSegmentsAndDefault()
    {
        var population = CustomerFrame.Create(Ids(5), [new CategoryColumn(ColumnNames.Segment, ["Champions", "Lost", "Loyal", null, "Other"], ["Champions", "Loyal", "Lost", "Other"])]);
        var options = new SegmentTierOptions
        {
            Tiers = [new("Gold", ["Champions", "Loyal"]), new("Watch", ["Lost"])],
            DefaultTier = "Standard",
        };

        var scored = Run(new CustomerPipelineBuilder().AddSegmentTiers(options), population);

        Assert.Equal(["Gold", "Watch", "Gold", "(none)", "Standard"], TiersOf(scored));
        Assert.Equal(["Gold", "Watch", "Standard"], scored.GetCategory(ColumnNames.Tier).Categories);
    }

    [Fact]
    public void Fit_UnmappedSegmentWithoutDefault_NamesSegment()
    {
        var population = CustomerFrame.Create(Ids(2), [new TextColumn(ColumnNames.Segment, ["Champions", "Hibernating"])]);
        var pipeline = new CustomerPipelineBuilder().WithInputColumns(ColumnNames.Segment)
            .AddSegmentTiers(new SegmentTierOptions { Tiers = [new("Gold", ["Champions"])] }).Build();

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(population));

        Assert.Contains("the segment 'Hibernating' (customer 'C001') in column 'segment' is in no tier", error.Message, StringComparison.Ordinal);
        Assert.Contains("SegmentTierOptions.DefaultTier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_EveryTierStage_RoundTripsAndScoresTheSame()
    {
        var population = CustomerFrame.Create(Ids(6), [
            new NumericColumn(ColumnNames.Revenue, [5, 0.1, 0.3, 800, -2, double.NaN]),
            new CategoryColumn(ColumnNames.Segment, ["A", "B", "A", "C", null, "B"])]);
        var builder = new CustomerPipelineBuilder().WithInputColumns(ColumnNames.Segment)
            .AddPercentileTiers(Metals with { OutputColumn = "pct" })
            .AddThresholdTiers(new ThresholdTierOptions { OutputColumn = "thr", Tiers = [new("High", 100), new("Mid", 0.2)] })
            .AddSegmentTiers(new SegmentTierOptions { OutputColumn = "seg", Tiers = [new("Top", ["A"]), new("Other", ["B"])], DefaultTier = "Other" });
        var model = builder.Build().Fit(population);

        var loaded = FittedPipeline.FromJson(model.ToJson());

        Assert.Equal(model.ToJson(), loaded.ToJson());
        foreach (var column in new[] { "pct", "thr", "seg" })
        {
            Assert.Equal(TiersOf(model.Score(population), column), TiersOf(loaded.Score(population), column));
        }
    }

    [Fact]
    public void AddThresholdTiers_NoTiers_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddThresholdTiers(new ThresholdTierOptions()));

        Assert.Equal("Invalid ThresholdTierOptions: Tiers must list at least one tier. (Parameter 'options')", error.Message);
    }

    [Fact]
    public void AddThresholdTiers_BadThresholds_NamesEachTier()
    {
        var options = new ThresholdTierOptions { Tiers = [new("Gold", 100), new("Silver", 100), new("Bronze", double.NaN), new("Gold", 1)], RestTier = "" };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddThresholdTiers(options));

        Assert.Contains("Tiers[1] ('Silver'): MinValue must be below the previous tier's (100), since tiers are listed from the highest threshold down; it was 100.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tiers[2] ('Bronze'): MinValue must be a finite number; it was NaN.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tiers[3].Name must differ from Tiers[0].Name; both are 'Gold'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("RestTier must not be empty.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPercentileTiers_BadShares_NamesEachProblem()
    {
        var tooMuch = new PercentileTierOptions { Tiers = [new("A", 0.6), new("B", 0.5)] };
        var zero = new PercentileTierOptions { Tiers = [new("A", 0), new("Bottom", 0.1)] };

        var sum = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddPercentileTiers(tooMuch));
        var bad = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddPercentileTiers(zero));

        Assert.Contains("The Tiers' shares must sum to at most 1; they sum to 1.1.", sum.Message, StringComparison.Ordinal);
        Assert.Contains("Tiers[0] ('A'): Share must be a fraction greater than 0 and at most 1 (0.2 = 20%); it was 0.", bad.Message, StringComparison.Ordinal);
        Assert.Contains("RestTier must differ from Tiers[1].Name; both are 'Bottom'.", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSegmentTiers_BadMap_NamesEachProblem()
    {
        var options = new SegmentTierOptions { Tiers = [new("Gold", ["Champions"]), new("Silver", ["Champions"]), new("Empty", [])], DefaultTier = " " };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddSegmentTiers(options));

        Assert.Contains("Tiers[1] ('Silver'): the segment 'Champions' is already in tier 'Gold'; a segment belongs to one tier.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tiers[2] ('Empty'): Segments must list at least one segment.", error.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultTier must not be empty; set it to null to fail on an unmapped segment.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SegmentTiersWithoutSegmentStage_NamesProducer()
    {
        var builder = new CustomerPipelineBuilder().AddSegmentTiers(new SegmentTierOptions { Tiers = [new("Gold", ["Champions"])] });

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("needs the column 'segment'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TierSummary_TiesAtBoundary_CountsAndShares()
    {
        var scored = Run(new CustomerPipelineBuilder().AddAbcTiers(), Revenue(100, 50, 50, 20, 20, 20, 20, 10, 5, 5, 0, -10, double.NaN));

        var summary = TierSummary.Create(scored);

        // Tiered customers: 12; their value: 300 - 10 = 290.
        Assert.Equal(
            [new("A", 7, 7 / 12.0, 280, 280 / 290.0), new("B", 1, 1 / 12.0, 10, 10 / 290.0), new("C", 2, 2 / 12.0, 10, 10 / 290.0), new TierSummaryRow("Valueless", 2, 2 / 12.0, -10, -10 / 290.0)],
            summary.Rows);
        Assert.Equal(1, summary.UntieredCustomers);
    }

    [Property(MaxTest = 100)]
    public Property TierSummary_AnyValues_CountsPartitionThePopulation()
        => Prop.ForAll(Values(), values =>
        {
            var summary = TierSummary.Create(Run(new CustomerPipelineBuilder().AddAbcTiers(), Revenue(values)));
            return summary.Rows.Sum(r => r.Customers) == values.Length
                && Math.Abs(summary.Rows.Sum(r => r.CustomerShare) - 1) < 1e-9
                && Math.Abs(summary.Rows.Sum(r => r.Value) - values.Sum()) < 1e-6;
        });
}
