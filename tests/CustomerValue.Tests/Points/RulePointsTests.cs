using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Points;

public sealed class RulePointsTests
{
    private static readonly RulePointsOptions Crm = new()
    {
        Rules =
        [
            PointsRule.PerUnit(ColumnNames.Complaints, -5),
            PointsRule.Compare(ColumnNames.Satisfaction, ComparisonOperator.GreaterOrEqual, 9, 10),
            PointsRule.Is("industry", "Retail", 3),
            PointsRule.In("region", ["North", "East"], 2, "north or east"),
            PointsRule.Between(ColumnNames.Satisfaction, 0, 4, -8),
        ],
    };

    private static CustomerFrame Portfolio() => CustomerFrame.Create(
        ["c0", "c1", "c2", "c3", "c4"],
        [
            new NumericColumn(ColumnNames.Complaints, [3, 0, double.NaN, 1, 4]),
            new NumericColumn(ColumnNames.Satisfaction, [2, 9, double.NaN, 10, 5]),
            new TextColumn("industry", ["Retail", "Tech", null, "Retail", "Tech"]),
            new CategoryColumn("region", ["North", "South", null, "East", "North"]),
        ]);

    private static CustomerFrame Run(RulePointsOptions options, CustomerFrame population)
        => new CustomerPipelineBuilder().WithInputColumns(population.Columns.Select(c => c.Name)).AddRulePoints(options).Build().Run(population);

    [Fact]
    public void AddRulePoints_Portfolio_SumsPositiveAndNegativePoints()
    {
        var scored = Run(Crm, Portfolio());

        // c0: 3 complaints -15, Retail +3, North +2, satisfaction 2 in 0..4 -8 = -18. c2 has only missing values.
        Assert.Equal([-18.0, 10, 0, 10, -18], scored.GetNumeric(ColumnNames.Points).Values.ToArray());
        var fired = scored[ColumnNames.PointsRules];
        Assert.Equal(
            ["complaints x -5; industry = Retail; north or east; satisfaction between 0 and 4", "satisfaction >= 9", "", "complaints x -5; satisfaction >= 9; industry = Retail; north or east", "complaints x -5; north or east"],
            Enumerable.Range(0, 5).Select(fired.FormatValue));
    }

    [Fact]
    public void RulePointsSummary_Portfolio_CountsAndContributions()
    {
        var summary = RulePointsSummary.Create(Run(Crm, Portfolio()), Crm);

        Assert.Equal(
            [
                new("complaints x -5", 3, -40), new("satisfaction >= 9", 2, 20), new("industry = Retail", 2, 6),
                new("north or east", 3, 6), new RulePointsSummaryRow("satisfaction between 0 and 4", 1, -8),
            ],
            summary.Rows);
    }

    [Theory]
    [InlineData(ComparisonOperator.GreaterOrEqual, "2,3")]
    [InlineData(ComparisonOperator.Greater, "3")]
    [InlineData(ComparisonOperator.LessOrEqual, "0,1,2")]
    [InlineData(ComparisonOperator.Less, "0,1")]
    [InlineData(ComparisonOperator.Equal, "2")]
    [InlineData(ComparisonOperator.NotEqual, "0,1,3")]
    public void Compare_EachOperator_FiresOnMatchingRowsNeverOnMissing(ComparisonOperator comparison, string rows)
    {
        var population = CustomerFrame.Create(["a", "b", "c", "d", "e"], [new NumericColumn("x", [-1, 1.5, 2, 7, double.NaN])]);

        var scored = Run(new RulePointsOptions { Rules = [PointsRule.Compare("x", comparison, 2, 1)] }, population);

        var points = scored.GetNumeric(ColumnNames.Points);
        Assert.Equal(rows, string.Join(",", Enumerable.Range(0, 5).Where(i => points[i] == 1)));
    }

    [Fact]
    public void AddRulePoints_ScoreColumn_ComparesScores()
    {
        var population = CustomerFrame.Create(["a", "b", "c"], [new ScoreColumn(ColumnNames.RecencyScore, 5, [5, 3, 0])]);

        var scored = Run(new RulePointsOptions { Rules = [PointsRule.Compare(ColumnNames.RecencyScore, ComparisonOperator.Less, 4, -1)] }, population);

        Assert.Equal([0.0, -1, 0], scored.GetNumeric(ColumnNames.Points).Values.ToArray());
    }

    [Fact]
    public void ToJson_RulePoints_RoundTripsEveryRuleKind()
    {
        var model = new CustomerPipelineBuilder().WithInputColumns(ColumnNames.Complaints, ColumnNames.Satisfaction, "industry", "region")
            .AddRulePoints(Crm with { PointsColumn = "crm_points", RulesColumn = "crm_rules" }).Build().Fit(Portfolio());

        var loaded = FittedPipeline.FromJson(model.ToJson());

        Assert.Equal(model.ToJson(), loaded.ToJson());
        Assert.Equal(model.ToString(), loaded.ToString());
        var a = model.Score(Portfolio());
        var b = loaded.Score(Portfolio());
        Assert.Equal(a.GetNumeric("crm_points").Values.ToArray(), b.GetNumeric("crm_points").Values.ToArray());
        Assert.Equal(Enumerable.Range(0, 5).Select(a["crm_rules"].FormatValue), Enumerable.Range(0, 5).Select(b["crm_rules"].FormatValue));
    }

    [Fact]
    public void Build_RuleOnUnknownColumn_NamesColumn()
    {
        var builder = new CustomerPipelineBuilder().AddRulePoints(new RulePointsOptions { Rules = [PointsRule.Is("industry", "Retail", 3)] });

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("Stage 'rule-points' needs the column 'industry'", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithInputColumns(\"industry\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TextRuleOnNumericColumn_NamesRule()
    {
        var pipeline = new CustomerPipelineBuilder().WithInputColumns(ColumnNames.Complaints)
            .AddRulePoints(new RulePointsOptions { Rules = [PointsRule.Is(ColumnNames.Complaints, "many", 3)] }).Build();

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(Portfolio()));

        Assert.Contains("rule 'complaints = many' (Rules[0]): column 'complaints' is a Numeric column, but a membership rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ComparisonOnTextColumn_NamesRule()
    {
        var pipeline = new CustomerPipelineBuilder().WithInputColumns("industry")
            .AddRulePoints(new RulePointsOptions { Rules = [PointsRule.Compare("industry", ComparisonOperator.Greater, 1, 3, "big industry")] }).Build();

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(Portfolio()));

        Assert.Contains("rule 'big industry' (Rules[0]): column 'industry' is a Text column, but a per-unit or comparison rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRulePoints_InvalidRules_NamesEveryRule()
    {
        var options = new RulePointsOptions
        {
            Rules =
            [
                PointsRule.PerUnit(ColumnNames.Complaints, double.NaN),
                PointsRule.Compare(ColumnNames.Satisfaction, ComparisonOperator.GreaterOrEqual, 9, 10, " "),
                PointsRule.Compare(ColumnNames.Satisfaction, ComparisonOperator.GreaterOrEqual, 9, 5),
                PointsRule.Compare(ColumnNames.Satisfaction, ComparisonOperator.GreaterOrEqual, 9, 1),
                PointsRule.Between("x", 5, 1, 1),
                PointsRule.In("region", [], 1),
                PointsRule.Compare("y", ComparisonOperator.Between, 1, 1),
                PointsRule.Compare("z", ComparisonOperator.Less, double.NaN, 1),
                PointsRule.Is("", "a", 1),
            ],
        };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddRulePoints(options));

        string[] expected =
        [
            "Rules[0] ('complaints x NaN'): Points must be a finite number; it was NaN.",
            "Rules[1] (' '): the name must not be empty; pass null to derive it from the definition.",
            "Rules[3] ('satisfaction >= 9'): the name is already used by Rules[2]; give one of them another name.",
            "Rules[4] ('x between 5 and 1'): UpperValue must be a finite number >= Value (5); it was 1.",
            "Rules[5] ('region in {}'): Values must list at least one value.",
            "Rules[6] ('y between 1 and NaN'): UpperValue must be a finite number >= Value (1); it was NaN.",
            "Rules[7] ('z < NaN'): Value must be a finite number; it was NaN.",
            "Rules[8]: Column must not be empty.",
        ];
        Assert.All(expected, part => Assert.Contains(part, error.Message, StringComparison.Ordinal));
        Assert.StartsWith("Invalid RulePointsOptions: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRulePoints_NoRulesOrTooMany_Throws()
    {
        var many = Enumerable.Range(0, 65).Select(i => PointsRule.Compare("x", ComparisonOperator.Greater, i, 1)).ToArray();

        var none = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddRulePoints(new RulePointsOptions()));
        var tooMany = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddRulePoints(new RulePointsOptions { Rules = many }));
        var columns = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddRulePoints(Crm with { Name = "", RulesColumn = ColumnNames.Points }));

        Assert.Contains("Rules must list at least one rule", none.Message, StringComparison.Ordinal);
        Assert.Contains("Rules must list at most 64 rules (one flag each); it lists 65.", tooMany.Message, StringComparison.Ordinal);
        Assert.Contains("Name must not be empty. RulesColumn must differ from PointsColumn; both are 'points'.", columns.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RulePointsOptions_Defaults_AreDocumentedValues()
    {
        var options = new RulePointsOptions();

        Assert.Equal(("rule-points", ColumnNames.Points, ColumnNames.PointsRules, 0, 64), (options.Name, options.PointsColumn, options.RulesColumn, options.Rules.Count, RulePointsOptions.MaxRules));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(20)]
    public void Run_ManyRules_EveryWidthOfTheFiredSetsKeepsEachRule(int ruleCount)
    {
        // Rule k fires when satisfaction >= k, so satisfaction s fires rules 0..min(s, ruleCount - 1).
        var options = new RulePointsOptions
        {
            Rules = [.. Enumerable.Range(0, ruleCount).Select(k => PointsRule.Compare(ColumnNames.Satisfaction, ComparisonOperator.GreaterOrEqual, k, 1))],
        };
        var satisfaction = Enumerable.Range(0, 50).Select(i => (double)(i % 25)).ToArray();
        var population = CustomerFrame.Create(Enumerable.Range(0, 50).Select(i => "P" + i.ToString(CultureInfo.InvariantCulture)), [new NumericColumn(ColumnNames.Satisfaction, satisfaction)]);

        var scored = Run(options, population);

        var fired = (FlagsColumn)scored[ColumnNames.PointsRules];
        for (var i = 0; i < satisfaction.Length; i++)
        {
            var count = Math.Min((int)satisfaction[i] + 1, ruleCount);
            Assert.Equal(count == 64 ? ulong.MaxValue : (1UL << count) - 1, fired[i]);
            Assert.Equal(count, scored.GetNumeric(ColumnNames.Points)[i]);
        }
    }

    [Property(MaxTest = 200)]
    public Property Run_AnyPortfolio_TotalIsSumOfFiredRulesAndIgnoresOrder()
        => Prop.ForAll(Population(), Gen.Choose(0, 1000).ToArbitrary(), (population, seed) =>
        {
            var scored = Run(Crm, population);
            var points = scored.GetNumeric(ColumnNames.Points);
            var fired = (FlagsColumn)scored[ColumnNames.PointsRules];
            var complaints = population.GetNumeric(ColumnNames.Complaints);
            var satisfaction = population.GetNumeric(ColumnNames.Satisfaction);
            var industry = population.GetText("industry");
            var region = population.GetCategory("region");
            var sums = Enumerable.Range(0, population.Count).All(i =>
            {
                // Each rule decided from the inputs, in rule order, independently of the stage's fired sets.
                var fires = new[]
                {
                    !double.IsNaN(complaints[i]) && complaints[i] != 0,
                    satisfaction[i] >= 9,
                    industry[i] == "Retail",
                    region[i] is "North" or "East",
                    satisfaction[i] is >= 0 and <= 4,
                };
                var expected = 0.0;
                var expectedBits = 0UL;
                for (var r = 0; r < fires.Length; r++)
                {
                    if (fires[r])
                    {
                        expected += r == 0 ? -5 * complaints[i] : Crm.Rules[r].Points;
                        expectedBits |= 1UL << r;
                    }
                }

                return points[i] == expected && fired[i] == expectedBits && points.Values[i] == expected;
            });

            var order = Enumerable.Range(0, population.Count).ToArray();
            new Random(seed).Shuffle(order);
            var shuffled = Run(Crm, population.Select(order));
            var same = Enumerable.Range(0, population.Count).All(i =>
            {
                var j = shuffled.IndexOf(population.CustomerIds[i]);
                return shuffled.GetNumeric(ColumnNames.Points)[j] == points[i] && ((FlagsColumn)shuffled[ColumnNames.PointsRules])[j] == fired[i];
            });
            return sums && same;
        });

    [Property(MaxTest = 100)]
    public Property Run_ManyRowsAtOnce_FiresAsEachRowAlone()
        => Prop.ForAll(Gen.ArrayOf(Gen.Elements(-1, 0, 1.5, 2, 7, double.NaN)).Where(v => v.Length > 0).ToArbitrary(), values =>
        {
            // Whole vectors of rows take the vector tests, a frame of one row the scalar ones: every operator, NaN and 0 included.
            var options = new RulePointsOptions
            {
                Rules =
                [
                    PointsRule.PerUnit("x", 1),
                    .. Enum.GetValues<ComparisonOperator>().Where(c => c != ComparisonOperator.Between).Select(c => PointsRule.Compare("x", c, 2, 1)),
                    PointsRule.Between("x", 0, 2, 1),
                ],
            };
            var population = CustomerFrame.Create(Enumerable.Range(0, values.Length).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)), [new NumericColumn("x", values)]);
            var whole = (FlagsColumn)Run(options, population)[ColumnNames.PointsRules];
            return Enumerable.Range(0, values.Length).All(i => ((FlagsColumn)Run(options, population.Select([i]))[ColumnNames.PointsRules])[0] == whole[i]);
        });

    /// <summary>1..60 customers with small complaint counts, satisfaction 0..10 and labels, each possibly missing.</summary>
    private static Arbitrary<CustomerFrame> Population()
        => (from n in Gen.Choose(1, 60)
            from complaints in Gen.ArrayOf(Gen.Choose(-1, 6), n)
            from satisfaction in Gen.ArrayOf(Gen.Choose(-1, 10), n)
            from industry in Gen.ArrayOf(Gen.Elements<string?>("Retail", "Tech", null), n)
            from region in Gen.ArrayOf(Gen.Elements<string?>("North", "East", "South", null), n)
            select CustomerFrame.Create(
                Enumerable.Range(0, n).Select(i => "P" + i.ToString(CultureInfo.InvariantCulture)),
                [
                    new NumericColumn(ColumnNames.Complaints, complaints.Select(c => c < 0 ? double.NaN : c)),
                    new NumericColumn(ColumnNames.Satisfaction, satisfaction.Select(s => s < 0 ? double.NaN : s)),
                    new TextColumn("industry", industry),
                    new CategoryColumn("region", region),
                ])).ToArbitrary();
}
