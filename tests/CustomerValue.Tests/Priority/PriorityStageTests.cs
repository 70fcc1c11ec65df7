using System.Globalization;
using Xunit;

namespace CustomerValue.Tests.Priority;

public sealed class PriorityStageTests
{
    private static double[] Column(CustomerFrame frame, string name) => frame.GetNumeric(name).Values.ToArray();

    [Fact]
    public void Run_Portfolio_ImportanceIsMidRankPercentileWithSharedTies()
    {
        var scored = PriorityPortfolio.Pipeline().Run(PriorityPortfolio.Frame());

        // Sorted values 0 | 50 50 | 100 100 | 400: (below + ties / 2) / 6.
        double[] expected = [4 / 6.0, 4 / 6.0, 2 / 6.0, 5.5 / 6, 0.5 / 6, 2 / 6.0];
        Assert.Equal(expected, Column(scored, ColumnNames.Importance), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Run_PortfolioWithoutAttributes_UrgencyIsTheOverdueFactor()
    {
        var scored = PriorityPortfolio.Pipeline().Run(PriorityPortfolio.Frame());

        // A ratio 10/50; B 200/50 -> capped; C 60/30 -> (2-1)/2; D 40/30 (median) -> (4/3-1)/2; E 5/10; F 100/30 -> capped.
        double[] expected = [0, 1, 0.5, 1 / 6.0, 0, 1];
        Assert.Equal(expected, Column(scored, ColumnNames.Urgency), new ToleranceComparer(1e-12));
        double[] priority = [1 / 3.0, 5 / 6.0, 5 / 12.0, 6.5 / 12, 0.5 / 12, 2 / 3.0];
        Assert.Equal(priority, Column(scored, ColumnNames.Priority), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Run_Portfolio_QuadrantsAndReasons()
    {
        var scored = PriorityPortfolio.Pipeline().Run(PriorityPortfolio.Frame());

        var quadrant = scored.GetCategory(ColumnNames.Quadrant);
        Assert.Equal(
            [PriorityQuadrants.Nurture, PriorityQuadrants.ActNow, PriorityQuadrants.LowTouch, PriorityQuadrants.Nurture, PriorityQuadrants.Monitor, PriorityQuadrants.LowTouch],
            Enumerable.Range(0, 6).Select(i => quadrant[i]));
        var reasons = (FlagsColumn)scored[ColumnNames.PriorityReasons];
        Assert.Equal(
            ["high value", "high value; overdue", "overdue", "high value; overdue", string.Empty, "overdue"],
            Enumerable.Range(0, 6).Select(reasons.FormatValue));
    }

    [Fact]
    public void Run_PortfolioWithAttributes_MissingFactorsAreLeftOutAndWeightsRenormalised()
    {
        var scored = PriorityPortfolio.Pipeline().Run(PriorityPortfolio.WithAttributes());

        // Weights overdue 0.4, complaints 0.2, satisfaction 0.2 (below 7, floor 0).
        // B: (0.4*1 + 0.2*1 + 0.2*5/7) / 0.8; C: complaints missing, (0.4*0.5 + 0.2*2/7) / 0.6; D: satisfaction missing, (0.4/6 + 0.2/3) / 0.6.
        double[] expected = [0, (0.6 + (1 / 7.0)) / 0.8, (0.2 + (0.4 / 7)) / 0.6, ((0.4 / 6) + (0.2 / 3)) / 0.6, 0, 0.5];
        Assert.Equal(expected, Column(scored, ColumnNames.Urgency), new ToleranceComparer(1e-12));
        var reasons = (FlagsColumn)scored[ColumnNames.PriorityReasons];
        Assert.Equal("high value; overdue; complaints; low satisfaction", reasons.FormatValue(1));
        Assert.Equal("overdue; low satisfaction", reasons.FormatValue(2));
        Assert.Equal("high value; overdue; complaints", reasons.FormatValue(3));
    }

    [Fact]
    public void Reasons_PortfolioWithAttributes_OrderedByContributionTiesInFlagOrder()
    {
        var scored = PriorityPortfolio.Pipeline().Run(PriorityPortfolio.WithAttributes());

        var b = PriorityRanking.Reasons(scored, 1);
        Assert.Equal(["high value", "overdue", "complaints", "low satisfaction"], b.Select(r => r.Name));
        Assert.Equal([1 / 3.0, 0.25, 0.125, 0.5 * 0.2 * (5 / 7.0) / 0.8], b.Select(r => r.Contribution), new ToleranceComparer(1e-12));

        // D is a one-time buyer: its overdue factor (1/6, from the fitted median) is recovered from the urgency and
        // contributes exactly as much as its complaints, so the flag order decides.
        var d = PriorityRanking.Reasons(scored, 3);
        Assert.Equal(["high value", "overdue", "complaints"], d.Select(r => r.Name));
        Assert.Equal([0.5 * 5.5 / 6, 0.5 * 0.4 / 6 / 0.6, 0.5 * 0.2 / 3 / 0.6], d.Select(r => r.Contribution), new ToleranceComparer(1e-12));
        Assert.Empty(PriorityRanking.Reasons(scored, 4));
    }

    [Fact]
    public void Reasons_Portfolio_OverdueFirstWhenItOutweighsValue()
    {
        var scored = PriorityPortfolio.Pipeline().Run(PriorityPortfolio.Frame());

        Assert.Equal(["overdue", "high value"], PriorityRanking.Reasons(scored, 1).Select(r => r.Name));
        Assert.Equal(["high value", "overdue"], PriorityRanking.Reasons(scored, 3).Select(r => r.Name));
        Assert.Equal(0.5, Assert.Single(PriorityRanking.Reasons(scored, 5)).Contribution, 12);
    }

    [Fact]
    public void Run_PAliveColumnPresent_AddsFallingPAlive()
    {
        var frame = PriorityPortfolio.Frame(new NumericColumn("p_alive", [0.2, 1, 1, 1, double.NaN, 1]));

        var scored = PriorityPortfolio.Pipeline().Run(frame);

        // A: overdue 0 (0.4) and 1 - 0.2 (0.2) -> 0.16 / 0.6. E: P(alive) missing, overdue only.
        Assert.Equal(0.16 / 0.6, scored.GetNumeric(ColumnNames.Urgency)[0], 12);
        Assert.Equal(0, scored.GetNumeric(ColumnNames.Urgency)[4]);
        Assert.Equal("high value; falling P(alive)", scored[ColumnNames.PriorityReasons].FormatValue(0));
    }

    [Fact]
    public void Run_CustomWeightsAndThresholds_FollowTheFormula()
    {
        var options = new PriorityOptions { ImportanceWeight = 3, UrgencyWeight = 1, OverdueSaturation = 5, ImportanceThreshold = 0.9, UrgencyThreshold = 0.2, ReasonThreshold = 0.3 };

        var scored = PriorityPortfolio.Pipeline(options).Run(PriorityPortfolio.Frame());

        // C: ratio 2 -> (2-1)/4 = 0.25; priority (3 * 2/6 + 0.25) / 4.
        Assert.Equal(0.25, scored.GetNumeric(ColumnNames.Urgency)[2], 12);
        Assert.Equal(((3 * 2 / 6.0) + 0.25) / 4, scored.GetNumeric(ColumnNames.Priority)[2], 12);
        Assert.Equal(PriorityQuadrants.LowTouch, scored.GetCategory(ColumnNames.Quadrant)[2]);
        Assert.Equal(string.Empty, scored[ColumnNames.PriorityReasons].FormatValue(2));
        Assert.Equal(PriorityQuadrants.Nurture, scored.GetCategory(ColumnNames.Quadrant)[3]);
    }

    [Fact]
    public void Run_NoRepeatBuyer_OneTimeBuyersHaveNoOverdueFactor()
    {
        var frame = CustomerFrame.Create(["a", "b"],
        [
            new NumericColumn(ColumnNames.Revenue, [1.0, 2]),
            new NumericColumn(ColumnNames.RecencyDays, [500.0, 3]),
            new NumericColumn(ColumnNames.TenureDays, [500.0, 3]),
            new NumericColumn(ColumnNames.Orders, [1.0, 4]),
        ]);

        var model = PriorityPortfolio.Pipeline().Fit(frame);

        Assert.Equal([0.0, 0.0], model.Score(frame).GetNumeric(ColumnNames.Urgency).Values.ToArray());
        Assert.Contains("median interval days = none", model.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Score_FrozenModel_NewCustomersUseFittedPercentilesAndMedian()
    {
        var model = PriorityPortfolio.Pipeline().Fit(PriorityPortfolio.Frame());
        var next = CustomerFrame.Create(["N1", "N2", "N3", "N4"],
        [
            new NumericColumn(ColumnNames.Revenue, [75.0, 1000, -5, 100]),
            new NumericColumn(ColumnNames.RecencyDays, [45.0, 0, 0, 0]),
            new NumericColumn(ColumnNames.TenureDays, [45.0, 0, 0, 0]),
            new NumericColumn(ColumnNames.Orders, [1.0, 1, 1, 1]),
        ]);

        var scored = model.Score(next);

        // 75 lies between the fitted 50s and 100s with no fitted value strictly between: 3 of 6 below.
        Assert.Equal([0.5, 1, 0, 4 / 6.0], scored.GetNumeric(ColumnNames.Importance).Values.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(0.25, scored.GetNumeric(ColumnNames.Urgency)[0], 12);
    }

    [Fact]
    public void ToJson_PriorityAndRank_RoundTripsAndScoresTheSame()
    {
        var model = PriorityPortfolio.Pipeline(new PriorityOptions { OverdueWeight = 2, SatisfactionFloor = 1 }, rank: true).Fit(PriorityPortfolio.WithAttributes());

        var loaded = FittedPipeline.FromJson(model.ToJson());

        var population = PriorityPortfolio.Shuffle(PriorityPortfolio.WithAttributes(), 3);
        Assert.Equal(PriorityPortfolio.Render(model.Score(population)), PriorityPortfolio.Render(loaded.Score(population)));
        Assert.Equal(model.ToString(), loaded.ToString());
        Assert.Contains("fitted median interval days = 30", model.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ManyDistinctValues_PercentilesWithinTwoKnotGapsOfExactMidRanks()
    {
        const int n = 20_000;
        var values = Enumerable.Range(0, n).Select(i => Math.Round(Math.Exp((i * 7919 % n) / 2000.0), 3)).ToArray();
        var frame = CustomerFrame.Create(Enumerable.Range(0, n).Select(i => "c" + i),
        [
            new NumericColumn(ColumnNames.Revenue, values),
            new NumericColumn(ColumnNames.RecencyDays, Enumerable.Repeat(1.0, n)),
            new NumericColumn(ColumnNames.TenureDays, Enumerable.Repeat(1.0, n)),
            new NumericColumn(ColumnNames.Orders, Enumerable.Repeat(1.0, n)),
        ]);

        var importance = PriorityPortfolio.Pipeline().Run(frame).GetNumeric(ColumnNames.Importance);

        var sorted = values.Order().ToArray();
        for (var i = 0; i < n; i++)
        {
            var below = LowerBound(sorted, values[i]);
            var ties = LowerBound(sorted, Math.BitIncrement(values[i])) - below;
            Assert.InRange(importance[i] - ((below + (ties / 2.0)) / n), -2.0 / 1023, 2.0 / 1023);
        }
    }

    [Fact]
    public void Fit_NaNValue_NamesCustomerColumnAndOption()
    {
        var frame = PriorityPortfolio.Frame();
        frame = CustomerFrame.Create(frame.CustomerIds, [new NumericColumn("margin", [1.0, double.NaN, 1, 1, 1, 1]), .. frame.Columns]);

        var pipeline = new CustomerPipelineBuilder().WithInputColumns("margin").AddPriority(new PriorityOptions { ValueColumn = "margin" }).Build();

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(frame));

        Assert.Contains("Customer 'B' has NaN in column 'margin'", error.Message, StringComparison.Ordinal);
        Assert.Contains("PriorityOptions.ValueColumn", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(120_000, 250_000)]
    [InlineData(250_000, 299_999)]
    [InlineData(5, 6)]
    public void Fit_LargeFrameWithTwoBadValues_NamesTheFirstCustomer(int first, int second)
    {
        // 300,000 customers are checked in two parallel halves: the error must still name the first bad row.
        const int N = 300_000;
        var margin = Enumerable.Repeat(1.0, N).ToArray();
        (margin[first], margin[second]) = (double.PositiveInfinity, double.NaN);
        var ids = Enumerable.Range(0, N).Select(i => "K" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var frame = CustomerFrame.Create(ids,
        [
            new NumericColumn("margin", margin),
            new NumericColumn(ColumnNames.RecencyDays, Enumerable.Repeat(1.0, N)),
            new NumericColumn(ColumnNames.TenureDays, Enumerable.Repeat(9.0, N)),
            new NumericColumn(ColumnNames.Orders, Enumerable.Repeat(2.0, N)),
        ]);
        var pipeline = new CustomerPipelineBuilder().WithInputColumns("margin").AddPriority(new PriorityOptions { ValueColumn = "margin" }).Build();

        var model = pipeline.Fit(CustomerFrame.Create(ids, [new NumericColumn("margin", Enumerable.Repeat(1.0, N)), .. frame.Columns.Skip(1)]));

        // Fitting checks in the histogram's first pass, scoring in each block of the scoring loop: both name the first.
        var fitError = Assert.Throws<ArgumentException>(() => pipeline.Fit(frame));
        var scoreError = Assert.Throws<ArgumentException>(() => model.Score(frame));

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Customer 'K{first}' has Infinity in column 'margin'"), fitError.Message, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Customer 'K{first}' has Infinity in column 'margin'"), scoreError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ScoredFrame_DerivedColumnsKeepEachRowsValue()
    {
        // Importance and urgency are computed per row when read; selecting rows computes only those rows.
        var scored = PriorityPortfolio.Pipeline().Run(PriorityPortfolio.WithAttributes());
        int[] rows = [4, 0, 2];

        var selected = scored.Select(rows);

        foreach (var column in new[] { ColumnNames.Importance, ColumnNames.Urgency, ColumnNames.Priority })
        {
            Assert.Equal(rows.Select(r => scored.GetNumeric(column)[r]), selected.GetNumeric(column).Values.ToArray());
        }
    }

    [Fact]
    public void Run_TextComplaintsColumn_SaysItMustBeNumeric()
    {
        var frame = PriorityPortfolio.Frame(new TextColumn(ColumnNames.Complaints, ["1", "2", "3", "4", "5", "6"]));

        var error = Assert.Throws<ArgumentException>(() => PriorityPortfolio.Pipeline().Run(frame));

        Assert.Contains("The column 'complaints' is Text", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OnlyTheFourSummaryColumnsAreRequired()
    {
        var stage = new CustomerPipelineBuilder().AddPriority().Build().Stages[0];

        Assert.Equal([ColumnNames.Revenue, ColumnNames.RecencyDays, ColumnNames.TenureDays, ColumnNames.Orders], stage.RequiredColumns);
        Assert.Equal([ColumnNames.Importance, ColumnNames.Urgency, ColumnNames.Priority, ColumnNames.Quadrant, ColumnNames.PriorityReasons], stage.ProducedColumns);
    }

    [Fact]
    public void Build_RankWithoutPriority_NamesAddPriority()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CustomerPipelineBuilder().AddPriorityRank().Build());

        Assert.Contains("'priority'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddPriority()", error.Message, StringComparison.Ordinal);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var index = Array.BinarySearch(sorted, value);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && sorted[index - 1] == value)
        {
            index--;
        }

        return index;
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
