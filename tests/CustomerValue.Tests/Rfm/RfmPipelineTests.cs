using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Rfm;

public sealed class RfmPipelineTests
{
    private static readonly CustomerPipeline Default = new CustomerPipelineBuilder().AddRfmScores().AddSegments().Build();

    private static CustomerFrame RfmSample()
        => CustomerSummaries.FromTransactions(Fixture.RfmOrders(), new SummaryOptions { AsOf = new DateOnly(2006, 12, 31) }).Customers;

    [Fact]
    public void Run_RCompatibleWithVignetteMap_ReproducesRfmSegmentSummary()
    {
        var pipeline = new CustomerPipelineBuilder()
            .AddRfmScores(new RfmScoreOptions { Method = BinningMethod.RCompatible })
            .AddSegments(SegmentMap.RfmVignette)
            .Build();

        var summary = SegmentSummary.Create(pipeline.Run(RfmSample()));

        var actual = summary.Rows.ToDictionary(r => r.Segment, r => (r.Customers, (int)r.Orders, (int)r.Revenue));
        var expected = new Dictionary<string, (int, int, int)>
        {
            ["About To Sleep"] = (102, 283, 23449),
            ["At Risk"] = (28, 216, 22227),
            ["Can't Lose Them"] = (47, 274, 32446),
            ["Champions"] = (35, 316, 31646),
            ["Lost"] = (148, 393, 35324),
            ["Loyal Customers"] = (170, 799, 76562),
            ["Need Attention"] = (10, 57, 4562),
            ["New Customers"] = (104, 329, 28837),
            ["Potential Loyalist"] = (342, 2211, 204856),
            ["Promising"] = (9, 28, 4249),
        };
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Run_RfmSample_SegmentSummaryAddsUp()
    {
        var scored = Default.Run(RfmSample());

        var summary = SegmentSummary.Create(scored);

        Assert.Equal(995, summary.Rows.Sum(r => r.Customers));
        Assert.Equal(4906, summary.Rows.Sum(r => r.Orders));
        Assert.Equal(1.0, summary.Rows.Sum(r => r.RevenueShare), 9);
        Assert.All(summary.Rows, r => Assert.Equal(r.Revenue / r.Orders, r.AverageOrderValue, 9));
    }

    [Fact]
    public void Run_Composites_FollowTheScores()
    {
        var scored = new CustomerPipelineBuilder()
            .AddRfmScores(new RfmScoreOptions { RecencyWeight = 2, FrequencyWeight = 1, MonetaryWeight = 1 })
            .Build()
            .Run(RfmSample());

        var r = scored.GetScore(ColumnNames.RecencyScore);
        var f = scored.GetScore(ColumnNames.FrequencyScore);
        var m = scored.GetScore(ColumnNames.MonetaryScore);
        for (var i = 0; i < scored.Count; i++)
        {
            Assert.Equal((100 * r[i]) + (10 * f[i]) + m[i], scored.GetNumeric(ColumnNames.RfmCode)[i]);
            Assert.Equal((int)Math.Floor(((f[i] + m[i]) / 2.0) + 0.5), scored.GetScore(ColumnNames.FmScore)[i]);
            Assert.Equal(((2 * r[i]) + f[i] + m[i]) / 4.0, scored.GetNumeric(ColumnNames.RfmScore)[i], 12);
        }
    }

    [Fact]
    public void Run_PopulationLargeEnoughToSplitAcrossThreads_CompositesFollowTheScores()
    {
        var random = new Random(9);
        const int n = 250_000;
        var population = Generators.Frame(
            Enumerable.Range(0, n).Select(_ => random.Next(400)).ToArray(),
            Enumerable.Range(0, n).Select(_ => 1 + random.Next(12)).ToArray(),
            Enumerable.Range(0, n).Select(_ => random.Next(5000)).ToArray());

        var scored = new CustomerPipelineBuilder()
            .AddRfmScores(new RfmScoreOptions { RecencyWeight = 3, FrequencyWeight = 1, MonetaryWeight = 2 })
            .Build()
            .Run(population);

        var (r, f, m) = (scored.GetScore(ColumnNames.RecencyScore), scored.GetScore(ColumnNames.FrequencyScore), scored.GetScore(ColumnNames.MonetaryScore));
        var (code, weighted, fm) = (scored.GetNumeric(ColumnNames.RfmCode), scored.GetNumeric(ColumnNames.RfmScore), scored.GetScore(ColumnNames.FmScore));
        for (var i = 0; i < n; i++)
        {
            Assert.Equal((100 * r[i]) + (10 * f[i]) + m[i], code[i]);
            Assert.Equal((int)Math.Floor(((f[i] + m[i]) / 2.0) + 0.5), fm[i]);
            Assert.Equal(((3 * r[i]) + f[i] + (2 * m[i])) / 6.0, weighted[i], 12);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(249_990)]
    public void Score_LargePopulationWithANaN_NamesTheFirstBadCustomerWithoutAggregateException(int bad)
    {
        const int n = 250_000;
        var population = Generators.Frame(Enumerable.Range(0, n).Select(i => i % 300).ToArray(), Enumerable.Repeat(2, n).ToArray(), Enumerable.Range(0, n).Select(i => i % 977).ToArray());
        var model = Default.Fit(population);
        var monetary = population.GetNumeric(ColumnNames.Monetary).Values.ToArray();
        monetary[bad] = double.NaN;
        monetary[bad + 5] = double.NaN;
        var broken = CustomerFrame.Create(population.CustomerIds, [population[ColumnNames.RecencyDays], population[ColumnNames.Frequency], new NumericColumn(ColumnNames.Monetary, monetary)]);

        var fit = Assert.Throws<ArgumentException>(() => Default.Fit(broken));
        var score = Assert.Throws<ArgumentException>(() => model.Score(broken));

        var expected = Guard(population.CustomerIds[bad]);
        Assert.Contains(expected, fit.Message, StringComparison.Ordinal);
        Assert.Contains(expected, score.Message, StringComparison.Ordinal);

        static string Guard(string id) => string.Create(CultureInfo.InvariantCulture, $"Customer '{id}' has NaN in column 'monetary'");
    }

    [Fact]
    public void Run_CarriedAttributes_PassThroughUntouched()
    {
        var customers = RfmSample();
        var ids = customers.CustomerIds;
        var attributes = CustomerFrame.Create(ids,
        [
            new TextColumn(ColumnNames.AccountManager, ids.Select((_, i) => "AM-" + (i % 7).ToString(CultureInfo.InvariantCulture))),
            new NumericColumn(ColumnNames.Complaints, ids.Select((_, i) => (double)(i % 3))),
            new CategoryColumn("region", ids.Select((_, i) => i % 2 == 0 ? "North" : "South")),
        ]);

        var scored = Default.Run(customers.Join(attributes));

        for (var i = 0; i < scored.Count; i++)
        {
            Assert.Equal(attributes.GetText(ColumnNames.AccountManager)[i], scored.GetRow(i).GetText(ColumnNames.AccountManager));
            Assert.Equal(attributes.GetNumeric(ColumnNames.Complaints)[i], scored.GetRow(i).GetNumber(ColumnNames.Complaints));
            Assert.Equal(attributes.GetCategory("region")[i], scored.GetRow(i).GetText("region"));
        }
    }

    [Fact]
    public void AddRfmScores_InvalidOptions_NamesEveryBadOption()
    {
        var options = new RfmScoreOptions { Bins = 12, RecencyWeight = -1, MonetaryWeight = double.NaN };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddRfmScores(options));

        Assert.Contains("Bins must be between 2 and 9; it was 12", error.Message, StringComparison.Ordinal);
        Assert.Contains("RecencyWeight", error.Message, StringComparison.Ordinal);
        Assert.Contains("MonetaryWeight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRfmScores_FixedMethodWithoutCutPoints_SaysWhichAreMissing()
    {
        var options = new RfmScoreOptions { Method = BinningMethod.FixedCutPoints, RecencyCutPoints = [30, 60, 90, 180] };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddRfmScores(options));

        Assert.Contains("FrequencyCutPoints is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("MonetaryCutPoints is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_FixedCutPoints_ScoreByTheGivenThresholds()
    {
        var options = new RfmScoreOptions { Bins = 3, Method = BinningMethod.FixedCutPoints, RecencyCutPoints = [30, 90], FrequencyCutPoints = [2, 5], MonetaryCutPoints = [100, 500] };
        var population = Generators.Frame([10, 30, 200], [1, 2, 9], [5_000, 10_000, 90_000]);

        var scored = new CustomerPipelineBuilder().AddRfmScores(options).Build().Run(population);

        Assert.Equal([3, 2, 1], Scores(scored, ColumnNames.RecencyScore));
        Assert.Equal([1, 2, 3], Scores(scored, ColumnNames.FrequencyScore));
        Assert.Equal([1, 2, 3], Scores(scored, ColumnNames.MonetaryScore));
    }

    [Fact]
    public void AddSegments_MapForOtherBins_Throws()
    {
        var builder = new CustomerPipelineBuilder().AddRfmScores(new RfmScoreOptions { Bins = 4 });

        var error = Assert.Throws<ArgumentException>(() => builder.AddSegments());

        Assert.Contains("RfmScoreOptions.Bins = 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SegmentsWithoutScores_NamesAddRfmScores()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CustomerPipelineBuilder().AddSegments().Build());

        Assert.Contains("AddRfmScores()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NaNMonetary_NamesCustomerAndColumn()
    {
        var population = CustomerFrame.Create(["a", "b"],
        [
            new NumericColumn(ColumnNames.RecencyDays, [1.0, 2]),
            new NumericColumn(ColumnNames.Frequency, [1.0, 2]),
            new NumericColumn(ColumnNames.Monetary, [1.0, double.NaN]),
        ]);

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddRfmScores().Build().Fit(population));

        Assert.Contains("Customer 'b' has NaN in column 'monetary'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_InfiniteRecencyForAFrozenModel_NamesCustomerAndColumn()
    {
        var model = Default.Fit(RfmSample());
        var population = Generators.Frame(Enumerable.Range(0, 20).ToArray(), Enumerable.Repeat(2, 20).ToArray(), Enumerable.Repeat(500, 20).ToArray());
        var recency = population.GetNumeric(ColumnNames.RecencyDays).Values.ToArray();
        recency[17] = double.PositiveInfinity;
        var broken = CustomerFrame.Create(population.CustomerIds, [new NumericColumn(ColumnNames.RecencyDays, recency), population[ColumnNames.Frequency], population[ColumnNames.Monetary]]);

        var error = Assert.Throws<ArgumentException>(() => model.Score(broken));

        Assert.Contains("Customer 'C-0017' has Infinity in column 'recency_days'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_RfmAndSegments_RoundTripsAndDescribesCutPoints()
    {
        var model = Default.Fit(RfmSample());

        var loaded = FittedPipeline.FromJson(model.ToJson());

        var population = RfmSample();
        Assert.Equal(Render(model.Score(population)), Render(loaded.Score(population)));
        Assert.Equal(model.ToString(), loaded.ToString());
        Assert.Contains("fitted recency.thresholds = [", model.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_VignetteMap_RoundTripsFallback()
    {
        var model = new CustomerPipelineBuilder()
            .AddRfmScores(new RfmScoreOptions { Method = BinningMethod.RCompatible })
            .AddSegments(SegmentMap.RfmVignette)
            .Build()
            .Fit(RfmSample());

        var loaded = FittedPipeline.FromJson(model.ToJson());

        Assert.Equal(Render(model.Score(RfmSample())), Render(loaded.Score(RfmSample())));
    }

    [Property(MaxTest = 100)]
    public Property Run_AnyPopulation_EqualsFitThenScore()
        => Prop.ForAll(Generators.Population().ToArbitrary(), population =>
            Render(Default.Run(population)) == Render(Default.Fit(population).Score(population)));

    [Property(MaxTest = 100)]
    public Property Score_FrozenModelOnSuperset_KeepsTheOriginalScores()
        => Prop.ForAll(Generators.Population().ToArbitrary(), Generators.Population().ToArbitrary(), (population, extra) =>
        {
            var model = Default.Fit(population);
            var superset = Concat(population, extra);

            var alone = model.Score(population);
            var together = model.Score(superset);

            return Enumerable.Range(0, population.Count).All(i =>
                alone.GetScore(ColumnNames.RecencyScore)[i] == together.GetScore(ColumnNames.RecencyScore)[i]
                && alone.GetScore(ColumnNames.FrequencyScore)[i] == together.GetScore(ColumnNames.FrequencyScore)[i]
                && alone.GetScore(ColumnNames.MonetaryScore)[i] == together.GetScore(ColumnNames.MonetaryScore)[i]
                && alone.GetCategory(ColumnNames.Segment)[i] == together.GetCategory(ColumnNames.Segment)[i]);
        });

    [Property(MaxTest = 100)]
    public Property Run_ShuffledPopulation_GivesEachCustomerTheSameScores()
        => Prop.ForAll(Generators.Population().ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (population, seed) =>
        {
            var order = Enumerable.Range(0, population.Count).ToArray();
            new Random(seed).Shuffle(order);
            var shuffled = population.Select(order);

            var a = Default.Run(population);
            var b = Default.Run(shuffled);

            return population.CustomerIds.All(id => RowText(a, a.IndexOf(id)) == RowText(b, b.IndexOf(id)));
        });

    [Property(MaxTest = 100)]
    public Property Run_PositiveScalingOfAmounts_LeavesMUnchanged()
        => Prop.ForAll(Generators.Population().ToArbitrary(), Gen.Choose(1, 10_000).ToArbitrary(), (population, factor) =>
        {
            var scale = factor / 100.0;
            var scaled = CustomerFrame.Create(population.CustomerIds,
            [
                population[ColumnNames.RecencyDays], population[ColumnNames.Frequency],
                new NumericColumn(ColumnNames.Monetary, population.GetNumeric(ColumnNames.Monetary).Values.ToArray().Select(v => v * scale)),
            ]);

            var a = Default.Run(population).GetScore(ColumnNames.MonetaryScore);
            var b = Default.Run(scaled).GetScore(ColumnNames.MonetaryScore);

            return a.Values.SequenceEqual(b.Values);
        });

    [Property(MaxTest = 100)]
    public Property Run_AnyPopulation_ScoresInRangeAndExactlyOneSegment()
        => Prop.ForAll(Generators.Population().ToArbitrary(), Gen.Choose(2, 9).ToArbitrary(), (population, bins) =>
        {
            var scored = new CustomerPipelineBuilder().AddRfmScores(new RfmScoreOptions { Bins = bins }).Build().Run(population);
            var segmented = Default.Run(population).GetCategory(ColumnNames.Segment);

            return new[] { ColumnNames.RecencyScore, ColumnNames.FrequencyScore, ColumnNames.MonetaryScore }
                    .All(c => scored.GetScore(c).Values.ToArray().All(s => s >= 1 && s <= bins))
                && segmented.Codes.ToArray().All(code => code >= 0 && code < segmented.Categories.Count);
        });

    [Property(MaxTest = 50)]
    public Property Run_SamePopulationTwice_IsDeterministic()
        => Prop.ForAll(Generators.Population().ToArbitrary(), population =>
            Default.Fit(population).ToJson() == Default.Fit(population).ToJson()
            && Render(Default.Run(population)) == Render(Default.Run(population)));

    private static int[] Scores(CustomerFrame frame, string column) => [.. frame.GetScore(column).Values.ToArray().Select(b => (int)b)];

    private static CustomerFrame Concat(CustomerFrame a, CustomerFrame b)
    {
        var ids = a.CustomerIds.Concat(b.CustomerIds.Select(id => "X" + id)).ToArray();
        return CustomerFrame.Create(ids, a.Columns.Select(c => (FrameColumn)new NumericColumn(c.Name,
            ((NumericColumn)c).Values.ToArray().Concat(b.GetNumeric(c.Name).Values.ToArray()))));
    }

    private static string RowText(CustomerFrame frame, int row)
        => string.Join(',', frame.Columns.Select(c => c.FormatValue(row)));

    private static string Render(CustomerFrame frame)
        => string.Join('\n', frame.Rows().Select(r => r.CustomerId + ":" + RowText(frame, r.Index)));
}
