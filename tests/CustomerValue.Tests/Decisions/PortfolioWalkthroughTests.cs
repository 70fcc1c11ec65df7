using System.Globalization;
using Xunit;

namespace CustomerValue.Tests.Decisions;

/// <summary>
/// A hand-checked 20-customer portfolio through every decision stage. The expected values below were worked out by
/// hand from the stage rules (see the comments), not printed by the library.
/// </summary>
public sealed class PortfolioWalkthroughTests
{
    // Customer i (1..20): recency 5i days; orders a permutation of 1..20; revenue falling from 4000 to -10.
    private static readonly double[] Orders = [12, 3, 9, 17, 15, 7, 2, 20, 4, 6, 11, 1, 5, 8, 14, 19, 10, 13, 16, 18];
    private static readonly double[] Revenue = [4000, 2000, 1000, 800, 600, 500, 400, 300, 200, 150, 100, 80, 60, 50, 40, 30, 20, 10, 0, -10];

    private static readonly Lazy<CustomerFrame> Scored = new(() => Pipeline().Run(Portfolio()));

    private static CustomerFrame Portfolio()
    {
        var ids = Enumerable.Range(1, 20).Select(i => "C" + i.ToString("D2", CultureInfo.InvariantCulture)).ToArray();
        var recency = Enumerable.Range(1, 20).Select(i => 5.0 * i).ToArray();
        var tenure = recency.Select((r, i) => i == 0 ? 20 : r + 200).ToArray();
        var window = Enumerable.Range(0, 20).Select(i => i == 17 ? 10.0 : 0).ToArray();
        var complaints = Enumerable.Range(1, 20).Select(i => i switch { 2 => 2.0, 7 => 1, 16 => 3, _ => 0 }).ToArray();
        var satisfaction = Enumerable.Range(1, 20).Select(i => i switch { 1 or 9 or 20 => 9.0, 4 => 10, 16 => 3, _ => 7 }).ToArray();
        var industry = Enumerable.Range(1, 20).Select(i => i is 1 or 3 or 16 or 19 ? "Retail" : "Finance").ToArray();
        var manager = Enumerable.Range(1, 20).Select(i => i % 2 == 1 ? "AM-Odd" : "AM-Even").ToArray();
        return CustomerFrame.Create(ids,
        [
            new NumericColumn(ColumnNames.RecencyDays, recency),
            new NumericColumn(ColumnNames.Frequency, Orders),
            new NumericColumn(ColumnNames.Monetary, Revenue),
            new NumericColumn(ColumnNames.Orders, Orders),
            new NumericColumn(ColumnNames.Revenue, Revenue),
            new NumericColumn(ColumnNames.TenureDays, tenure),
            new NumericColumn(ColumnNames.WindowSpend, window),
            new NumericColumn(ColumnNames.PreviousWindowSpend, new double[20]),
            new NumericColumn(ColumnNames.Complaints, complaints),
            new NumericColumn(ColumnNames.Satisfaction, satisfaction),
            new CategoryColumn("industry", industry),
            new TextColumn(ColumnNames.AccountManager, manager),
        ]);
    }

    private static CustomerPipeline Pipeline() => new CustomerPipelineBuilder()
        .WithInputColumns(ColumnNames.Complaints, ColumnNames.Satisfaction, "industry", ColumnNames.AccountManager)
        .AddRfmScores()
        .AddSegments()
        .AddAbcTiers()
        .AddRulePoints(new RulePointsOptions
        {
            Rules =
            [
                PointsRule.PerUnit(ColumnNames.Complaints, -5, "complaints"),
                PointsRule.Compare(ColumnNames.Satisfaction, ComparisonOperator.GreaterOrEqual, 9, 10, "delighted"),
                PointsRule.Is("industry", "Retail", 3, "retail"),
            ],
        })
        .AddLowValueDetection(new LowValueOptions { BottomValueShare = 0.05, MaxOrders = 2, InactiveDays = 80, Combination = CriteriaCombination.AtLeast, MinimumCriteria = 2, NewCustomerDays = 30 })
        .AddPriority()
        .AddPriorityRank()
        .Build();

    private static string[] Column(string name) => [.. Enumerable.Range(0, 20).Select(i => Scored.Value.GetRow(i).GetText(name) ?? string.Empty)];

    [Fact]
    public void RfmScores_TwentyDistinctValues_FourCustomersPerScore()
    {
        // R: recency 5..100 ascending, so C01-C04 score 5 ... C17-C20 score 1. M: revenue descending, the same.
        // F: orders 1-4 score 1, 5-8 score 2, 9-12 score 3, 13-16 score 4, 17-20 score 5.
        Assert.Equal([5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1], Scored.Value.GetScore(ColumnNames.RecencyScore).Values.ToArray().Select(b => (int)b));
        Assert.Equal([3, 1, 3, 5, 4, 2, 1, 5, 1, 2, 3, 1, 2, 2, 4, 5, 3, 4, 4, 5], Scored.Value.GetScore(ColumnNames.FrequencyScore).Values.ToArray().Select(b => (int)b));
        Assert.Equal([5, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1], Scored.Value.GetScore(ColumnNames.MonetaryScore).Values.ToArray().Select(b => (int)b));
    }

    [Fact]
    public void Segments_FollowTheRByFmGrid()
    {
        // FM = (F + M + 1) / 2: C01 (5, 4) Champions, C02 (5, 3) Loyal, C06 (4, 3) Potential Loyalists, C09 (3, 2) Needing
        // Attention, C16 (2, 4) At Risk, C17 (1, 2) Hibernating, C18-C20 (1, 3) At Risk.
        string[] expected =
        [
            "Champions", "Loyal Customers", "Champions", "Champions", "Loyal Customers", "Potential Loyalists", "Potential Loyalists",
            "Champions", "Customers Needing Attention", "Potential Loyalists", "Potential Loyalists", "Customers Needing Attention",
            "Customers Needing Attention", "Customers Needing Attention", "Customers Needing Attention", "At Risk", "Hibernating",
            "At Risk", "At Risk", "At Risk",
        ];
        Assert.Equal(expected, Column(ColumnNames.Segment));
    }

    [Fact]
    public void AbcTiers_CumulativeShares()
    {
        // Positive total 10,340. Cumulative 4000, 6000, 7000, 7800, 8400 >= 80% (8,272): A = C01-C05.
        // Then 8900, 9300, 9600, 9800, 9950 >= 95% (9,823): B = C06-C10. C = C11-C18; zero and negative: Valueless.
        Assert.Equal([.. Enumerable.Repeat("A", 5), .. Enumerable.Repeat("B", 5), .. Enumerable.Repeat("C", 8), "Valueless", "Valueless"], Column(ColumnNames.Tier));
        var summary = TierSummary.Create(Scored.Value);
        Assert.Equal(8400, summary.Rows.Single(r => r.Tier == "A").Value);
        Assert.Equal(8400 / 10330.0, summary.Rows.Single(r => r.Tier == "A").ValueShare, 9);
    }

    [Fact]
    public void RulePoints_AddUpIncludingNegativeTotals()
    {
        // C01: delighted + retail = 13; C02: 2 complaints = -10; C16: 3 complaints + retail = -12; C20: delighted = 10.
        var points = Scored.Value.GetNumeric(ColumnNames.Points).Values.ToArray();
        Assert.Equal([13.0, -10, 3, 10, 0, 0, -5, 0, 10, 0, 0, 0, 0, 0, 0, -12, 0, 0, 3, 10], points);
        Assert.Equal("complaints; retail", Scored.Value.GetRow(15).GetText(ColumnNames.PointsRules));
    }

    [Fact]
    public void LowValue_StatusesAndReasons()
    {
        // Bottom 5% share: positive values ascending 10, 20, ..., 100 sum to 390 <= 517 (5% of 10,340), adding 150 exceeds
        // it, so the threshold is 100: C11-C18 fire it. Few orders (<= 2): C07, C12. Inactive (>= 80 days): C16-C20.
        // Two criteria needed: C12 (bottom + few orders), C16, C17, C18 (bottom + inactive); C18 is growing -> Potential.
        // C19, C20 have zero or negative value -> Valueless; C01 has 20 days of tenure -> New.
        string[] expected =
        [
            "New", "Valuable", "Valuable", "Valuable", "Valuable", "Valuable", "Valuable", "Valuable", "Valuable", "Valuable",
            "Valuable", "Low value", "Valuable", "Valuable", "Valuable", "Low value", "Low value", "Potential", "Valueless", "Valueless",
        ];
        Assert.Equal(expected, Column(ColumnNames.ValueStatus));
        Assert.Equal("bottom value share; few orders", Scored.Value.GetRow(11).GetText(ColumnNames.LowValueCriteria));
        Assert.Contains("growing spend", Scored.Value.GetRow(17).GetText(ColumnNames.StatusReasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Priority_RanksAreATotalOrderAndWorklistsSplitByManager()
    {
        var rank = Scored.Value.GetNumeric(ColumnNames.PriorityRank).Values.ToArray();
        var priority = Scored.Value.GetNumeric(ColumnNames.Priority).Values.ToArray();
        Assert.Equal(Enumerable.Range(1, 20).Select(r => (double)r), rank.Order());
        var byRank = Enumerable.Range(0, 20).OrderBy(i => rank[i]).ToArray();
        for (var k = 1; k < 20; k++)
        {
            var (a, b) = (byRank[k - 1], byRank[k]);
            Assert.True(priority[a] > priority[b] || (priority[a] == priority[b] && string.CompareOrdinal(Scored.Value.CustomerIds[a], Scored.Value.CustomerIds[b]) < 0));
        }

        // Importance is the value percentile: C01, with the highest revenue, has the highest importance.
        var importance = Scored.Value.GetNumeric(ColumnNames.Importance).Values.ToArray();
        Assert.Equal(0, Array.IndexOf(importance, importance.Max()));

        var worklists = PriorityRanking.Worklists(Scored.Value, 3);
        Assert.Equal(["AM-Even", "AM-Odd"], worklists.Select(w => w.Manager!).Order(StringComparer.Ordinal));
        foreach (var list in worklists)
        {
            var expected = byRank.Where(i => Scored.Value.GetRow(i).GetText(ColumnNames.AccountManager) == list.Manager).Take(3).Select(i => Scored.Value.CustomerIds[i]);
            Assert.Equal(expected, list.Customers.Select(e => e.CustomerId));
        }
    }
}
