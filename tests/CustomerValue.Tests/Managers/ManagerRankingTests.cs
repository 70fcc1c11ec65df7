using Xunit;

namespace CustomerValue.Tests.Managers;

public sealed class ManagerRankingTests
{
    [Fact]
    public void Rank_HandCheckedPortfolio_ComponentsAndComposite()
    {
        var ranking = ManagerRanking.Rank(ManagerKpis.Create(ManagerKpisTests.Portfolio()));

        // Percentiles (worse + equal / 2) / known managers, from the KPIs of ManagerKpisTests:
        //   value 2550, 1800, 1700, 350, -15                     -> M1 .9, M2 .7, M3 .5, M4 .3, M5 .1
        //   at risk .4, 0, .375, 1, 0 (lower is better)          -> M1 .3, M2 .8, M3 .5, M4 .1, M5 .8
        //   satisfaction 7, 74/9, -, 2, 7 (4 known)              -> M1 .5, M2 .875, M3 -, M4 .125, M5 .5
        //   complaints 4/9, 0, 1, 3, 0 (lower is better)         -> M1 .5, M2 .8, M3 .3, M4 .1, M5 .8
        //   concentration .385, .556, .235, .143, - (4 known)    -> M1 .375, M2 .125, M3 .625, M4 .875, M5 -
        // Scores (weights .2 .2 .15 .15 .1; retention and growth unknown without changes):
        //   M1 (.18 + .06 + .075 + .075 + .0375) / .8 = .534375
        //   M2 (.14 + .16 + .13125 + .12 + .0125) / .8 = .7046875
        //   M3 (.1 + .1 + .045 + .0625) / .65 = .4730769...
        //   M4 (.06 + .02 + .01875 + .015 + .0875) / .8 = .2515625
        //   M5 (.02 + .16 + .075 + .12) / .7 = .5357142...
        Assert.Equal(["M2", "M5", "M1", "M3", "M4"], ranking.Select(r => r.Manager));
        Assert.Equal([1, 2, 3, 4, 5], ranking.Select(r => r.Rank));
        Assert.Equal([0.7046875, 0.375 / 0.7, 0.534375, 0.3075 / 0.65, 0.2515625], ranking.Select(r => r.Score), new Tolerance(1e-12));

        var m1 = ranking.Single(r => r.Manager == "M1");
        Assert.Equal((0.9, 0.3, 0.5, 0.5, 0.375), (m1.ValueScore, m1.AtRiskScore, m1.SatisfactionScore, m1.ComplaintsScore, m1.ConcentrationScore));
        Assert.True(double.IsNaN(m1.RetentionScore) && double.IsNaN(m1.GrowthScore));
        var m3 = ranking.Single(r => r.Manager == "M3");
        Assert.True(double.IsNaN(m3.SatisfactionScore));
        Assert.Equal(0.625, m3.ConcentrationScore);
    }

    [Fact]
    public void Rank_WithChanges_AddsRetentionAndGrowth()
    {
        var before = ManagerFrames.Snapshot(("K1", "X", "A", 100), ("K2", "Y", "A", 100), ("K3", "Y", "A", 100));
        var after = ManagerFrames.Snapshot(("K1", "X", "A", 100), ("K2", "Y", "A", 150));
        var kpis = ManagerKpis.Create(ManagerFrames.Scored(("K1", "X", "A", 100, ManagerFrames.MO, 0, 5), ("K2", "Y", "A", 150, ManagerFrames.MO, 0, 5)));

        var ranking = ManagerRanking.Rank(kpis, ManagerChanges.Create(before, after));

        // Two managers: the better gets (1 + 1/2) / 2 = .75, the worse .25, a tie .5 each.
        // X: retention 1/1 (.75), like-for-like growth 100 -> 100 = 0 (.25); Y: retention 1/2 (.25), K2 100 -> 150 = +.5
        // (.75). Value X 100 (.25), Y 150 (.75); at risk, satisfaction, complaints and concentration tie (.5).
        // X: (.2x.25 + .2x.5 + .15x.5 + .15x.5 + .1x.5 + .1x.75 + .1x.25) / 1 = .45; Y: (.2x.75 + ... + .1x.25 + .1x.75) = .55.
        Assert.Equal(["Y", "X"], ranking.Select(r => r.Manager));
        Assert.Equal([0.55, 0.45], ranking.Select(r => r.Score), new Tolerance(1e-12));
        Assert.Equal((0.75, 0.25), (ranking[1].RetentionScore, ranking[1].GrowthScore));
    }

    [Fact]
    public void Rank_EqualScores_ByManagerIdOrdinal()
    {
        var kpis = ManagerKpis.Create(ManagerFrames.Scored(("K1", "b", "A", 10, ManagerFrames.MO, 0, 5), ("K2", "B", "A", 10, ManagerFrames.MO, 0, 5), ("K3", "a", "A", 10, ManagerFrames.MO, 0, 5)));

        var ranking = ManagerRanking.Rank(kpis);

        Assert.Equal(["B", "a", "b"], ranking.Select(r => r.Manager));
        Assert.All(ranking, r => Assert.Equal(0.5, r.Score));
    }

    [Fact]
    public void Rank_OnlyUnknownWeightedKpis_ScoreUnknownAndLast()
    {
        var kpis = ManagerKpis.Create(ManagerFrames.Scored(("K1", "A", "A", 10, ManagerFrames.MO, NaN, NaN), ("K2", "B", "A", 20, ManagerFrames.MO, NaN, 5)));

        var ranking = ManagerRanking.Rank(kpis, null, new ManagerRankingOptions { ValueWeight = 0, AtRiskWeight = 0, ComplaintsWeight = 0, ConcentrationWeight = 0 });

        Assert.Equal(["B", "A"], ranking.Select(r => r.Manager));
        Assert.True(double.IsNaN(ranking[1].Score));
    }

    [Fact]
    public void Rank_InvalidWeights_NamesEveryBadWeight()
    {
        var kpis = ManagerKpis.Create(ManagerKpisTests.Portfolio());

        var error = Assert.Throws<ArgumentException>(() => ManagerRanking.Rank(kpis, null, new ManagerRankingOptions { ValueWeight = -1, GrowthWeight = double.PositiveInfinity }));
        var zero = Assert.Throws<ArgumentException>(() => ManagerRanking.Rank(kpis, null, new ManagerRankingOptions
        {
            ValueWeight = 0, AtRiskWeight = 0, SatisfactionWeight = 0, ComplaintsWeight = 0, ConcentrationWeight = 0, RetentionWeight = 0, GrowthWeight = 0,
        }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("ValueWeight must be finite and >= 0; it was -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("GrowthWeight must be finite and >= 0; it was Infinity", error.Message, StringComparison.Ordinal);
        Assert.Contains("At least one weight must be positive", zero.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_AreTheDocumentedOnes()
    {
        var o = new ManagerRankingOptions();

        Assert.Equal((0.2, 0.2, 0.15, 0.15, 0.1, 0.1, 0.1), (o.ValueWeight, o.AtRiskWeight, o.SatisfactionWeight, o.ComplaintsWeight, o.ConcentrationWeight, o.RetentionWeight, o.GrowthWeight));
    }

    private const double NaN = double.NaN;

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
