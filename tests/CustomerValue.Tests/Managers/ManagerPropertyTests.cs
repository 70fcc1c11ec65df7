using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Managers;

public static class ManagerGenerators
{
    public static Arbitrary<CustomerFrame> Populations() => ManagerFrames.Population().ToArbitrary();
}

[Properties(Arbitrary = [typeof(ManagerGenerators)])]
public sealed class ManagerPropertyTests
{
    [Property]
    public void Create_AnyPopulation_CustomerCountsSumToTheManagedPopulation(CustomerFrame scored)
    {
        var kpis = ManagerKpis.Create(scored);

        var managed = Enumerable.Range(0, scored.Count).Count(i => scored.GetText(ColumnNames.AccountManager)[i] is not null);
        Assert.Equal(managed, kpis.Rows.Sum(r => r.Customers));
        Assert.Equal(scored.Count - managed, kpis.UnassignedCustomers);
        Assert.All(kpis.Rows, r => Assert.True(r.Customers >= 1 && r.Tiers.Sum(t => t.Customers) <= r.Customers));
    }

    [Property]
    public void Create_AnyPopulation_SharesInZeroOne(CustomerFrame scored)
    {
        foreach (var r in ManagerKpis.Create(scored).Rows)
        {
            Assert.InRange(r.ActNowShare, 0, r.AtRiskShare);
            Assert.InRange(r.AtRiskShare, 0, 1);
            Assert.True(double.IsNaN(r.Concentration) || r.Concentration is > 0 and <= 1, $"concentration {r.Concentration}");
            Assert.InRange(r.TopCustomers, 1, r.Customers);
        }
    }

    [Property]
    public void Rank_AnyPopulationInAnyOrder_TotalOrderIndependentOfInputOrder(CustomerFrame scored, int seed)
    {
        var ranking = ManagerRanking.Rank(ManagerKpis.Create(scored));
        var shuffled = ManagerRanking.Rank(ManagerKpis.Create(ManagerFrames.Shuffle(scored, seed)));

        Assert.Equal(ranking, shuffled);
        Assert.Equal(Enumerable.Range(1, ranking.Count), ranking.Select(r => r.Rank));
        Assert.Equal(ranking.Count, ranking.Select(r => r.Manager).Distinct(StringComparer.Ordinal).Count());
        for (var k = 1; k < ranking.Count; k++)
        {
            var (a, b) = (ranking[k - 1], ranking[k]);
            Assert.True(a.Score > b.Score || (a.Score == b.Score && string.CompareOrdinal(a.Manager, b.Manager) < 0) || double.IsNaN(b.Score), $"{a} before {b}");
        }
    }

    [Property]
    public void Create_AnyTwoSnapshots_RetentionInZeroOneAndCountsBalance(CustomerFrame before, CustomerFrame after, int seed)
    {
        var changes = ManagerChanges.Create(before, ManagerFrames.Shuffle(after, seed));

        foreach (var r in changes.Rows)
        {
            Assert.True(r.CustomersBefore == 0 ? double.IsNaN(r.RetentionRate) : r.RetentionRate is >= 0 and <= 1, $"retention {r.RetentionRate}");
            Assert.Equal(r.CustomersAfter, r.CustomersBefore - r.Lost - r.TransferredOut + r.Won + r.TransferredIn);
            Assert.InRange(r.TierUpgrades + r.TierDowngrades, 0, r.Retained);
        }

        var beforeKpis = ManagerKpis.Create(before);
        var afterKpis = ManagerKpis.Create(after);
        Assert.Equal(beforeKpis.Rows.Sum(r => r.Customers), changes.Rows.Sum(r => r.CustomersBefore));
        Assert.Equal(afterKpis.Rows.Sum(r => r.Customers), changes.Rows.Sum(r => r.CustomersAfter));
        Assert.Equal(before.CustomerIds.Intersect(after.CustomerIds, StringComparer.Ordinal).Count(), changes.MatchedCustomers);
    }
}
