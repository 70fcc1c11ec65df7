using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static CustomerValue.Tests.Tiers.TierFrames;

namespace CustomerValue.Tests.Tiers;

public sealed class AbcTierTests
{
    // Total positive value 300. 80% = 240: 100 + 50 + 50 = 200, and the 20s bring it to 280 (93.3%). Customer by
    // customer, 80% is reached at the second 20 (240); the tie rule puts all four 20s in A. 95% = 285: the 10 reaches 290.
    private static readonly double[] TiedAtBoundary = [100, 50, 50, 20, 20, 20, 20, 10, 5, 5, 0, -10, double.NaN];

    [Fact]
    public void AddAbcTiers_TiesAtTheEightyPercentBoundary_AllJoinA()
    {
        var scored = Run(new CustomerPipelineBuilder().AddAbcTiers(), Revenue(TiedAtBoundary));

        Assert.Equal(["A", "A", "A", "A", "A", "A", "A", "B", "C", "C", "Valueless", "Valueless", "(none)"], TiersOf(scored));
    }

    [Fact]
    public void Fit_TiesAtTheBoundary_FreezesLowestAAndBValues()
    {
        var model = new CustomerPipelineBuilder().AddAbcTiers().Build().Fit(Revenue(TiedAtBoundary));

        var parameters = model.Describe()[0].Parameters;
        Assert.Equal([new("A", ">= 20"), new("B", ">= 10"), new("C", "> 0, below every threshold"), new("Valueless", "<= 0")], parameters);
    }

    [Fact]
    public void AddAbcTiers_GroupCrossingBothCutoffs_LeavesBEmpty()
    {
        // Total 125: 60 is 48%; the three 20s bring it to 120 = 96%, past both 80% and 95%.
        var scored = Run(new CustomerPipelineBuilder().AddAbcTiers(), Revenue(60, 20, 20, 20, 3, 2));

        Assert.Equal(["A", "A", "A", "A", "C", "C"], TiersOf(scored));
        Assert.Equal(0, TierSummary.Create(scored).Rows[1].Customers);
    }

    [Fact]
    public void AddAbcTiers_SeventyNinetyCutoffsAndOwnNames_UsesThem()
    {
        // Total 100: 70% is reached by 40 + 30; 90% by the 15 (85%) plus the 5s group (95%).
        var options = new AbcTierOptions { ACutoff = 0.70, BCutoff = 0.90, ATier = "Key", BTier = "Core", CTier = "Tail", ValuelessTier = "None" };

        var scored = Run(new CustomerPipelineBuilder().AddAbcTiers(options), Revenue(40, 30, 15, 5, 5, 3, 2, -1));

        Assert.Equal(["Key", "Key", "Core", "Core", "Core", "Tail", "Tail", "None"], TiersOf(scored));
        Assert.Equal(["Key", "Core", "Tail", "None"], scored.GetCategory(ColumnNames.Tier).Categories);
    }

    [Fact]
    public void AddAbcTiers_ZeroAndNegativeValues_AreValuelessNeverC()
    {
        var scored = Run(new CustomerPipelineBuilder().AddAbcTiers(), Revenue(0, -5, 10, -0.0, 1));

        Assert.Equal(["Valueless", "Valueless", "A", "Valueless", "B"], TiersOf(scored));
    }

    [Fact]
    public void Score_NewCustomers_UsesFrozenThresholds()
    {
        var model = new CustomerPipelineBuilder().AddAbcTiers().Build().Fit(Revenue(TiedAtBoundary));

        var next = model.Score(CustomerFrame.Create(["N1", "N2", "N3", "N4", "N5"], [new NumericColumn(ColumnNames.Revenue, [1000, 20, 19.99, 10, 0.01])]));

        Assert.Equal(["A", "A", "B", "B", "C"], TiersOf(next));
    }

    [Fact]
    public void ToJson_AbcTiers_RoundTripsThresholdsAndNames()
    {
        var options = new AbcTierOptions { ValueColumn = ColumnNames.Monetary, OutputColumn = "abc", ACutoff = 0.75, BCutoff = 0.9, ValuelessTier = "Zero" };
        var population = CustomerFrame.Create(Ids(6), [new NumericColumn(ColumnNames.Monetary, [0.1, 0.2, 0.3, 7.7, 0, 3])]);
        var model = new CustomerPipelineBuilder().AddAbcTiers(options).Build().Fit(population);

        var loaded = FittedPipeline.FromJson(model.ToJson());

        Assert.Equal(model.ToJson(), loaded.ToJson());
        Assert.Equal(model.ToString(), loaded.ToString());
        Assert.Equal(TiersOf(model.Score(population), "abc"), TiersOf(loaded.Score(population), "abc"));
    }

    [Fact]
    public void FromJson_ThresholdsThatIncrease_FailNamingStageAndTier()
    {
        var population = CustomerFrame.Create(Ids(6), [new NumericColumn(ColumnNames.Revenue, [0.1, 0.2, 0.3, 7.7, 0, 3])]);
        var json = new CustomerPipelineBuilder().AddAbcTiers().Build().Fit(population).ToJson();
        var a = System.Text.RegularExpressions.Regex.Match(json, "\"minValue\":\\s*([0-9.eE+-]+)").Groups[1].Value;
        var edited = System.Text.RegularExpressions.Regex.Replace(json, "(\"minValue\":\\s*)([0-9.eE+-]+)", m => m.Groups[1].Value + (m.Groups[2].Value == a ? "1" : "5"));

        var error = Assert.Throws<FormatException>(() => FittedPipeline.FromJson(edited));

        Assert.Contains("Stage 'abc-tiers'", error.Message, StringComparison.Ordinal);
        Assert.Contains("tier 'B' has minValue 5 above the previous tier's 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NoPositiveValue_NamesColumnAndOption()
    {
        var pipeline = new CustomerPipelineBuilder().AddAbcTiers().Build();

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(Revenue(0, -1, double.NaN)));

        Assert.Contains("No customer has a positive value in column 'revenue'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ValueColumn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_InfiniteValue_NamesCustomer()
    {
        var pipeline = new CustomerPipelineBuilder().AddAbcTiers().Build();

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(Revenue(3, double.PositiveInfinity)));

        Assert.Contains("Customer 'C001' has Infinity in column 'revenue'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TextValueColumn_NamesOption()
    {
        var population = CustomerFrame.Create(["a"], [new TextColumn("margin", ["x"])]);
        var pipeline = new CustomerPipelineBuilder().WithInputColumns("margin").AddAbcTiers(new AbcTierOptions { ValueColumn = "margin" }).Build();

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(population));

        Assert.Contains("column 'margin' as numbers, but it is a Text column; set ValueColumn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAbcTiers_Defaults_AreDocumentedValues()
    {
        var options = new AbcTierOptions();

        Assert.Equal(("abc-tiers", ColumnNames.Revenue, ColumnNames.Tier, 0.80, 0.95), (options.Name, options.ValueColumn, options.OutputColumn, options.ACutoff, options.BCutoff));
        Assert.Equal(("A", "B", "C", "Valueless"), (options.ATier, options.BTier, options.CTier, options.ValuelessTier));
    }

    [Theory]
    [InlineData(0.0, 0.95, "ACutoff must be a fraction greater than 0 and less than 1 (0.8 = 80%); it was 0.")]
    [InlineData(double.NaN, 0.95, "ACutoff must be a fraction greater than 0 and less than 1 (0.8 = 80%); it was NaN.")]
    [InlineData(0.8, 1.5, "BCutoff must be a fraction greater than 0 and at most 1 (0.95 = 95%); it was 1.5.")]
    [InlineData(0.9, 0.8, "BCutoff must be greater than ACutoff (0.9); it was 0.8.")]
    [InlineData(0.8, 0.8, "BCutoff must be greater than ACutoff (0.8); it was 0.8.")]
    public void AddAbcTiers_InvalidCutoffs_Throws(double a, double b, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddAbcTiers(new AbcTierOptions { ACutoff = a, BCutoff = b }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void AddAbcTiers_SeveralBadOptions_NamesEveryOne()
    {
        var options = new AbcTierOptions { Name = " ", ValueColumn = "", OutputColumn = "", BTier = "A", ValuelessTier = "" };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddAbcTiers(options));

        Assert.StartsWith("Invalid AbcTierOptions: Name must not be empty. ValueColumn must not be empty. OutputColumn must not be empty. BTier must differ from ATier; both are 'A'. ValuelessTier must not be empty.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAbcTiers_OutputEqualsValueColumn_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddAbcTiers(new AbcTierOptions { OutputColumn = ColumnNames.Revenue }));

        Assert.Contains("OutputColumn must differ from ValueColumn; both are 'revenue'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoTierStagesWithOwnOutputs_Coexist()
    {
        var builder = new CustomerPipelineBuilder()
            .AddAbcTiers()
            .AddAbcTiers(new AbcTierOptions { Name = "abc-70", OutputColumn = "tier_70", ACutoff = 0.7, BCutoff = 0.9 });

        var scored = Run(builder, Revenue(TiedAtBoundary));

        Assert.Equal(TiersOf(scored).Length, TiersOf(scored, "tier_70").Length);
    }

    [Fact]
    public void Fit_LargePopulation_MatchesSortedReferenceAndIgnoresOrder()
    {
        // 300,000 customers take the two-thread path and the sorted-bucket refinement; cents keep many ties.
        var random = new Random(20240607);
        var values = new double[300_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(10) == 0 ? -random.Next(100) : Math.Round(Math.Exp(random.NextDouble() * 9), 2);
        }

        var population = Revenue(values);
        var model = new CustomerPipelineBuilder().AddAbcTiers().Build().Fit(population);
        var shuffled = population.Select(Shuffle(values.Length, 7));
        var reshuffledModel = new CustomerPipelineBuilder().AddAbcTiers().Build().Fit(shuffled);

        Assert.Equal(ReferenceThresholds(values, 0.80, 0.95), Thresholds(model));
        Assert.Equal(Thresholds(model), Thresholds(reshuffledModel));
    }

    [Property(MaxTest = 300)]
    public Property Run_AnyValues_TiersPartitionAreMonotoneAndRespectCutoffs()
        => Prop.ForAll(Values(), Gen.Elements((0.8, 0.95), (0.7, 0.9), (0.75, 0.9), (0.5, 1.0)).ToArbitrary(), (values, cutoffs) =>
        {
            var options = new AbcTierOptions { ACutoff = cutoffs.Item1, BCutoff = cutoffs.Item2 };
            var tiers = Run(new CustomerPipelineBuilder().AddAbcTiers(options), Revenue(values)).GetCategory(ColumnNames.Tier);
            var rank = tiers.Codes.ToArray();
            var partition = rank.All(r => r is >= 0 and <= 3) && rank.Select((r, i) => r == 3 == (values[i] <= 0)).All(ok => ok);
            var monotone = Enumerable.Range(0, values.Length).All(i => Enumerable.Range(0, values.Length).All(j => !(values[i] > values[j]) || rank[i] <= rank[j]));
            return (partition && monotone && RespectsCutoff(values, rank, 0, cutoffs.Item1) && RespectsCutoff(values, rank, 1, cutoffs.Item2))
                .Label($"values {string.Join(",", values)} tiers {string.Join(",", rank)}");
        });

    [Property(MaxTest = 100)]
    public Property Run_ShuffledPopulation_GivesEachCustomerTheSameTier()
        => Prop.ForAll(Values(), Gen.Choose(0, 1000).ToArbitrary(), (values, seed) =>
        {
            var population = Revenue(values);
            var shuffled = population.Select(Shuffle(values.Length, seed));
            var pipeline = new CustomerPipelineBuilder().AddAbcTiers().Build();
            var original = pipeline.Run(population);
            var other = pipeline.Run(shuffled);
            return Enumerable.Range(0, values.Length).All(i =>
                original.GetCategory(ColumnNames.Tier)[i] == other.GetCategory(ColumnNames.Tier)[other.IndexOf(original.CustomerIds[i])]);
        });

    [Property(MaxTest = 100)]
    public Property Score_ManyRowsAtOnce_EqualsEachRowScoredAlone()
        => Prop.ForAll(Values(), Gen.ArrayOf(Gen.Choose(0, 5)).ToArbitrary(), (values, missing) =>
        {
            // Whole vectors of rows take the vector loop, a frame of one row the scalar one; some values are missing.
            var withMissing = values.Select((v, i) => i < missing.Length && missing[i] == 0 ? double.NaN : v).ToArray();
            var model = new CustomerPipelineBuilder().WithInputColumns(ColumnNames.Revenue).AddAbcTiers().Build().Fit(Revenue(values));
            var population = Revenue(withMissing);
            var whole = TiersOf(model.Score(population));
            return Enumerable.Range(0, values.Length).All(i => TiersOf(model.Score(population.Select([i])))[0] == whole[i]);
        });

    // Tiers 0..upTo together (the top value groups) must reach the cut-off, and lose it without their lowest group.
    private static bool RespectsCutoff(double[] values, int[] rank, int upTo, double cutoff)
    {
        var total = values.Where(v => v > 0).Sum();
        var inTiers = values.Where((v, i) => rank[i] <= upTo).ToArray();
        var sum = inTiers.Sum();
        if (inTiers.Length == 0)
        {
            return false;
        }

        var lowest = inTiers.Min();
        var withoutLowest = inTiers.Where(v => v != lowest).Sum();
        return sum >= cutoff * total && withoutLowest < cutoff * total;
    }

    private static double[] Thresholds(FittedPipeline model)
        => [.. model.Describe()[0].Parameters.Take(2).Select(p => double.Parse(p.Value[3..], System.Globalization.CultureInfo.InvariantCulture))];

    // Sorts, as the stage must not: the value at which the exact (decimal) cumulative share first reaches each cut-off.
    private static double[] ReferenceThresholds(double[] values, params double[] cutoffs)
    {
        var sorted = values.Where(v => v > 0).OrderDescending().ToArray();
        var total = sorted.Sum(v => (decimal)v);
        var result = new double[cutoffs.Length];
        for (var k = 0; k < cutoffs.Length; k++)
        {
            var cumulative = 0m;
            var i = 0;
            while (true)
            {
                var j = i;
                while (j < sorted.Length && sorted[j] == sorted[i])
                {
                    cumulative += (decimal)sorted[j++];
                }

                if (cumulative >= (decimal)cutoffs[k] * total)
                {
                    result[k] = sorted[i];
                    break;
                }

                i = j;
            }
        }

        return result;
    }
}
