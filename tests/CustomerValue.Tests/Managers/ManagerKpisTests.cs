using Xunit;
using static CustomerValue.Tests.Managers.ManagerFrames;

namespace CustomerValue.Tests.Managers;

public sealed class ManagerKpisTests
{
    // Workload weights: A 3, B 2, C the default 1, Valueless 0.5.
    private static readonly ManagerKpiOptions Weighted = new()
    {
        WorkloadByTier = new Dictionary<string, double>(StringComparer.Ordinal) { ["A"] = 3, ["B"] = 2, ["Valueless"] = 0.5 },
    };

    /// <summary>5 managers, 40 customers (2 without a manager); every KPI is checked by hand in <see cref="Create_HandCheckedPortfolio_EveryKpi"/>.</summary>
    public static CustomerFrame Portfolio() => Scored(
        // M1: 10 customers, a mix of every tier, quadrant and missing attribute.
        ("C01", "M1", "A", 1000, AN, 0, 9),
        ("C02", "M1", "A", 800, NU, 0, 8),
        ("C03", "M1", "B", 300, LT, 1, 6),
        ("C04", "M1", "B", 200, MO, 0, 7),
        ("C05", "M1", "C", 100, MO, 0, NaN),
        ("C06", "M1", "C", 100, AN, 2, 4),
        ("C07", "M1", "C", 50, MO, 0, 8),
        ("C08", "M1", "C", 50, NU, 0, 9),
        ("C09", "M1", "Valueless", 0, MO, NaN, NaN),
        ("C10", "M1", "Valueless", -50, LT, 1, 5),
        // M2: one A customer and eight C customers, nobody urgent.
        ("C11", "M2", "A", 1000, NU, 0, 10),
        ("C12", "M2", "C", 100, MO, 0, 8),
        ("C13", "M2", "C", 100, MO, 0, 8),
        ("C14", "M2", "C", 100, MO, 0, 8),
        ("C15", "M2", "C", 100, MO, 0, 8),
        ("C16", "M2", "C", 100, MO, 0, 8),
        ("C17", "M2", "C", 100, MO, 0, 8),
        ("C18", "M2", "C", 100, MO, 0, 8),
        ("C19", "M2", "C", 100, MO, 0, 8),
        // M3: three equal top values (the top 10% is one of them), no satisfaction responses.
        ("C20", "M3", "B", 400, AN, 1, NaN),
        ("C21", "M3", "B", 400, AN, 1, NaN),
        ("C22", "M3", "B", 400, LT, 1, NaN),
        ("C23", "M3", "B", 100, MO, 1, NaN),
        ("C24", "M3", "B", 100, MO, 1, NaN),
        ("C25", "M3", "B", 100, MO, 1, NaN),
        ("C26", "M3", "B", 100, MO, 1, NaN),
        ("C27", "M3", "B", 100, MO, 1, NaN),
        // M4: everybody low-touch, unhappy and complaining.
        ("C28", "M4", "C", 50, LT, 3, 2),
        ("C29", "M4", "C", 50, LT, 3, 2),
        ("C30", "M4", "C", 50, LT, 3, 2),
        ("C31", "M4", "C", 50, LT, 3, 2),
        ("C32", "M4", "C", 50, LT, 3, 2),
        ("C33", "M4", "C", 50, LT, 3, 2),
        ("C34", "M4", "C", 50, LT, 3, 2),
        // M5: no positive value at all.
        ("C35", "M5", "Valueless", 0, MO, 0, 7),
        ("C36", "M5", "Valueless", 0, MO, 0, 7),
        ("C37", "M5", "Valueless", -10, MO, 0, 7),
        ("C38", "M5", "Valueless", -5, MO, 0, 7),
        // Without a manager.
        ("C39", null, "A", 5000, AN, 0, 9),
        ("C40", null, "C", 10, MO, 0, 9));

    [Fact]
    public void Create_HandCheckedPortfolio_EveryKpi()
    {
        var kpis = ManagerKpis.Create(Portfolio(), Weighted);

        Assert.Equal(40, kpis.Customers);
        Assert.Equal(2, kpis.UnassignedCustomers);
        Assert.Equal(["A", "B", "C", "Valueless"], kpis.Tiers);
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], kpis.Rows.Select(r => r.Manager));

        // M1: value 1000+800+300+200+100+100+50+50+0-50 = 2550; tiers A 2 (1800), B 2 (500), C 4 (300), Valueless 2 (-50);
        // workload 2x3 + 2x2 + 4x1 + 2x0.5 = 15; act now C01, C06 = 2 of 10; at risk + low-touch C03, C10 = 4 of 10;
        // top ceil(0.1 x 10) = 1 customer: 1000 of the positive value 2600 (0 and -50 count as 0);
        // complaints 0+0+1+0+0+2+0+0+1 = 4 over 9 known; satisfaction 9+8+6+7+4+8+9+5 = 56 over 8 known = 7.
        var m1 = kpis.Rows[0];
        Assert.Equal((10, 2550.0, 15.0), (m1.Customers, m1.Value, m1.Workload));
        Assert.Equal([new("A", 2, 1800), new("B", 2, 500), new("C", 4, 300), new ManagerTierKpi("Valueless", 2, -50)], m1.Tiers);
        Assert.Equal((2, 0.2, 4, 0.4), (m1.ActNow, m1.ActNowShare, m1.AtRisk, m1.AtRiskShare));
        Assert.Equal(1, m1.TopCustomers);
        Assert.Equal(1000.0 / 2600, m1.Concentration, 12);
        Assert.Equal((4.0, 9), (m1.Complaints, m1.ComplaintsReported));
        Assert.Equal(4.0 / 9, m1.ComplaintsPerCustomer, 12);
        Assert.Equal((8, 7.0), (m1.SatisfactionResponses, m1.AverageSatisfaction));

        // M2: value 1000 + 8x100 = 1800; workload 3 + 8 = 11; nobody urgent; top ceil(0.9) = 1: 1000 / 1800;
        // complaints 0 over 9; satisfaction (10 + 8x8) / 9 = 74 / 9.
        var m2 = kpis.Rows[1];
        Assert.Equal((9, 1800.0, 11.0), (m2.Customers, m2.Value, m2.Workload));
        Assert.Equal([new("A", 1, 1000), new("B", 0, 0), new("C", 8, 800), new ManagerTierKpi("Valueless", 0, 0)], m2.Tiers);
        Assert.Equal((0, 0.0, 0, 0.0), (m2.ActNow, m2.ActNowShare, m2.AtRisk, m2.AtRiskShare));
        Assert.Equal(1000.0 / 1800, m2.Concentration, 12);
        Assert.Equal((0.0, 9, 0.0), (m2.Complaints, m2.ComplaintsReported, m2.ComplaintsPerCustomer));
        Assert.Equal(9, m2.SatisfactionResponses);
        Assert.Equal(74.0 / 9, m2.AverageSatisfaction, 12);

        // M3: value 3x400 + 5x100 = 1700; workload 8x2 = 16; act now 2 of 8, at risk 3 of 8; top ceil(0.8) = 1 of the
        // three equal 400s: 400 / 1700 whichever it is; complaints 8 over 8; no satisfaction response.
        var m3 = kpis.Rows[2];
        Assert.Equal((8, 1700.0, 16.0), (m3.Customers, m3.Value, m3.Workload));
        Assert.Equal((2, 0.25, 3, 0.375), (m3.ActNow, m3.ActNowShare, m3.AtRisk, m3.AtRiskShare));
        Assert.Equal((1, 400.0 / 1700), (m3.TopCustomers, m3.Concentration));
        Assert.Equal((8.0, 8, 1.0), (m3.Complaints, m3.ComplaintsReported, m3.ComplaintsPerCustomer));
        Assert.Equal(0, m3.SatisfactionResponses);
        Assert.True(double.IsNaN(m3.AverageSatisfaction));

        // M4: 7 x 50 = 350; workload 7; all 7 low-touch: at risk 1, act now 0; top 1: 50 / 350; complaints 3; satisfaction 2.
        var m4 = kpis.Rows[3];
        Assert.Equal((7, 350.0, 7.0), (m4.Customers, m4.Value, m4.Workload));
        Assert.Equal((0, 0.0, 7, 1.0), (m4.ActNow, m4.ActNowShare, m4.AtRisk, m4.AtRiskShare));
        Assert.Equal(50.0 / 350, m4.Concentration, 12);
        Assert.Equal((21.0, 7, 3.0, 7, 2.0), (m4.Complaints, m4.ComplaintsReported, m4.ComplaintsPerCustomer, m4.SatisfactionResponses, m4.AverageSatisfaction));

        // M5: value -15, workload 4 x 0.5 = 2; no positive value, so no concentration.
        var m5 = kpis.Rows[4];
        Assert.Equal((4, -15.0, 2.0, 1), (m5.Customers, m5.Value, m5.Workload, m5.TopCustomers));
        Assert.True(double.IsNaN(m5.Concentration));
        Assert.Equal((0.0, 4, 7.0), (m5.ComplaintsPerCustomer, m5.SatisfactionResponses, m5.AverageSatisfaction));
    }

    [Fact]
    public void Create_DefaultOptions_EveryTierWeighsOne()
    {
        var kpis = ManagerKpis.Create(Portfolio());

        Assert.Equal([10.0, 9, 8, 7, 4], kpis.Rows.Select(r => r.Workload));
    }

    [Fact]
    public void Create_CategoryManagerColumnInAnyCategoryOrder_SameAsText()
    {
        var portfolio = Portfolio();
        var text = portfolio.GetText(ColumnNames.AccountManager);
        var labels = Enumerable.Range(0, portfolio.Count).Select(i => text[i]).ToArray();
        var asCategory = CustomerFrame.Create(portfolio.CustomerIds,
        [
            new CategoryColumn("manager", labels, ["M5", "M3", "M1", "M4", "M2", "M9"]),
            .. portfolio.Columns.Where(c => c.Name != ColumnNames.AccountManager),
        ]);

        var expected = ManagerKpis.Create(portfolio, Weighted);
        var actual = ManagerKpis.Create(asCategory, Weighted with { ManagerColumn = "manager" });

        Assert.Equal(expected.Rows.Select(Render), actual.Rows.Select(Render));
        Assert.Equal(2, actual.UnassignedCustomers);
    }

    [Fact]
    public void Create_NoComplaintsOrSatisfactionColumns_ReportsNoneKnown()
    {
        var portfolio = Portfolio();
        var bare = CustomerFrame.Create(portfolio.CustomerIds, portfolio.Columns.Where(c => c.Name is not (ColumnNames.Complaints or ColumnNames.Satisfaction)));

        var kpis = ManagerKpis.Create(bare);

        Assert.All(kpis.Rows, r => Assert.Equal((0, 0, 0.0), (r.ComplaintsReported, r.SatisfactionResponses, r.Complaints)));
        Assert.All(kpis.Rows, r => Assert.True(double.IsNaN(r.ComplaintsPerCustomer) && double.IsNaN(r.AverageSatisfaction)));
    }

    [Fact]
    public void Create_MissingValuesAndTiers_AddNothingAndWeighTheDefault()
    {
        var frame = Scored(
            ("X1", "M1", null, NaN, MO, NaN, NaN),
            ("X2", "M1", "A", 100, MO, 2, 4),
            ("X3", "", "A", 100, MO, 2, 4));

        var row = ManagerKpis.Create(frame, Weighted with { DefaultWorkload = 0.25 }).Rows.Single();

        // X1: no tier -> default 0.25, no value, no attributes; X2: tier A weighs 3. X3's empty manager counts as none.
        Assert.Equal((2, 100.0, 3.25), (row.Customers, row.Value, row.Workload));
        Assert.Equal(1, row.Tiers.Sum(t => t.Customers));
        Assert.Equal((1, 2.0, 1, 4.0), (row.ComplaintsReported, row.ComplaintsPerCustomer, row.SatisfactionResponses, row.AverageSatisfaction));
        Assert.Equal((1, 1.0), (row.TopCustomers, row.Concentration));
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(30, 3)]
    [InlineData(70, 7)]
    [InlineData(1, 1)]
    public void TopCount_TenPercent_IsTheCeilingWithoutRoundingNoise(int customers, int expected)
        => Assert.Equal(expected, ManagerKpis.TopCount(0.1, customers));

    [Fact]
    public void Create_TopShareOne_ConcentrationIsOne()
    {
        var kpis = ManagerKpis.Create(Portfolio(), new ManagerKpiOptions { TopCustomerShare = 1 });

        Assert.All(kpis.Rows.Where(r => r.Manager != "M5"), r => Assert.Equal((r.Customers, 1.0), (r.TopCustomers, r.Concentration)));
    }

    [Fact]
    public void Create_ScoredByThePipeline_CountsTheStagesOutputs()
    {
        var population = Generators.Frame([5, 40, 3, 90, 12, 60, 1, 30], [1, 2, 6, 1, 3, 2, 8, 1], [1000, 25000, 50000, 800, 12000, 3000, 90000, 0])
            .AddColumns(
                new NumericColumn(ColumnNames.TenureDays, [400.0, 400, 400, 400, 400, 400, 400, 400]),
                new TextColumn(ColumnNames.AccountManager, ["M1", "M2", "M1", "M2", "M1", null, "M2", "M1"]),
                new NumericColumn(ColumnNames.Complaints, [0.0, 1, 2, 0, 0, 3, 0, 1]));
        var scored = new CustomerPipelineBuilder()
            .WithInputColumns(ColumnNames.AccountManager, ColumnNames.Complaints)
            .AddAbcTiers()
            .AddPriority()
            .Build()
            .Fit(population)
            .Score(population);

        var kpis = ManagerKpis.Create(scored);

        var quadrant = scored.GetCategory(ColumnNames.Quadrant);
        var manager = scored.GetText(ColumnNames.AccountManager);
        foreach (var row in kpis.Rows)
        {
            var mine = Enumerable.Range(0, scored.Count).Where(i => manager[i] == row.Manager).ToList();
            Assert.Equal(mine.Count, row.Customers);
            Assert.Equal(mine.Count(i => quadrant[i] == PriorityQuadrants.ActNow), row.ActNow);
            Assert.Equal(mine.Count(i => quadrant[i] is PriorityQuadrants.ActNow or PriorityQuadrants.LowTouch), row.AtRisk);
            Assert.Equal(mine.Sum(i => scored.GetNumeric(ColumnNames.Revenue)[i]), row.Value, 9);
            Assert.Equal(TierSummary.Create(scored.Select(mine)).Rows.Select(t => (t.Tier, t.Customers)), row.Tiers.Select(t => (t.Tier, t.Customers)));
        }

        Assert.Equal(1, kpis.UnassignedCustomers);
    }

    [Fact]
    public void Create_InvalidOptions_NamesEveryBadOption()
    {
        var options = new ManagerKpiOptions
        {
            ManagerColumn = " ",
            WorkloadByTier = new Dictionary<string, double>(StringComparer.Ordinal) { ["A"] = -1 },
            DefaultWorkload = double.NaN,
            TopCustomerShare = 0,
        };

        var error = Assert.Throws<ArgumentException>(() => ManagerKpis.Create(Portfolio(), options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("ManagerColumn must name a column", error.Message, StringComparison.Ordinal);
        Assert.Contains("WorkloadByTier['A'] must be finite and > 0; it was -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("DefaultWorkload must be finite and > 0; it was NaN", error.Message, StringComparison.Ordinal);
        Assert.Contains("TopCustomerShare must be greater than 0 and at most 1; it was 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MissingOrWrongColumns_NamesTheColumnAndOption()
    {
        var missing = Assert.Throws<ArgumentException>(() => ManagerKpis.Create(Portfolio(), new ManagerKpiOptions { ManagerColumn = "owner" }));
        var notNumeric = Assert.Throws<ArgumentException>(() => ManagerKpis.Create(Portfolio(), new ManagerKpiOptions { ValueColumn = ColumnNames.Tier }));
        var notLabels = Assert.Throws<ArgumentException>(() => ManagerKpis.Create(Portfolio(), new ManagerKpiOptions { TierColumn = ColumnNames.Revenue }));

        Assert.Contains("no column 'owner' (ManagerKpiOptions.ManagerColumn)", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'tier' (ManagerKpiOptions.ValueColumn) of the scored frame is Category; it must be numeric", notNumeric.Message, StringComparison.Ordinal);
        Assert.Contains("'revenue' (ManagerKpiOptions.TierColumn) is Numeric; it must be a category or text column", notLabels.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_AreTheDocumentedOnes()
    {
        var options = new ManagerKpiOptions();

        Assert.Equal(
            (ColumnNames.AccountManager, ColumnNames.Tier, ColumnNames.Revenue, ColumnNames.Quadrant, ColumnNames.Complaints, ColumnNames.Satisfaction, 1.0, 0.1),
            (options.ManagerColumn, options.TierColumn, options.ValueColumn, options.QuadrantColumn, options.ComplaintsColumn, options.SatisfactionColumn, options.DefaultWorkload, options.TopCustomerShare));
        Assert.Empty(options.WorkloadByTier);
    }

    internal static string Render(ManagerKpiRow r)
        => FormattableString.Invariant($"{r.Manager}|{r.Customers}|{r.Value}|{r.Workload}|{string.Join(",", r.Tiers)}|{r.ActNow}|{r.AtRisk}|{r.TopCustomers}|{r.Concentration}|{r.Complaints}|{r.ComplaintsReported}|{r.SatisfactionResponses}|{r.AverageSatisfaction}");
}
