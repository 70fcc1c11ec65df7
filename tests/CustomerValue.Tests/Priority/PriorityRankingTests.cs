using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Priority;

public sealed class PriorityRankingTests
{
    // Three customers with identical inputs (equal priority, ids out of row order) and three others.
    private static CustomerFrame TiedPortfolio()
        => CustomerFrame.Create(["t-c", "t-a", "x", "t-b", "y", "z"],
        [
            new NumericColumn(ColumnNames.Revenue, [100.0, 100, 500, 100, 10, 1]),
            new NumericColumn(ColumnNames.RecencyDays, [90.0, 90, 1, 90, 1, 1]),
            new NumericColumn(ColumnNames.TenureDays, [120.0, 120, 100, 120, 100, 100]),
            new NumericColumn(ColumnNames.Orders, [2.0, 2, 5, 2, 5, 5]),
            new TextColumn(ColumnNames.AccountManager, ["Zoe", "Ann", "Zoe", "Zoe", null, "Ann"]),
        ]);

    [Fact]
    public void AddPriorityRank_Ties_BrokenByCustomerIdOrdinal()
    {
        var scored = PriorityPortfolio.Pipeline(rank: true).Run(TiedPortfolio());

        var rank = scored.GetNumeric(ColumnNames.PriorityRank);
        var byRank = Enumerable.Range(0, scored.Count).OrderBy(i => rank[i]).Select(i => scored.CustomerIds[i]);
        Assert.Equal(["t-a", "t-b", "t-c", "x", "y", "z"], byRank);
        Assert.Equal(scored.GetNumeric(ColumnNames.Priority)[0], scored.GetNumeric(ColumnNames.Priority)[1]);
    }

    [Fact]
    public void Top_TiedPortfolio_TotalOrderWithEntries()
    {
        var scored = PriorityPortfolio.Pipeline().Run(TiedPortfolio());

        var top = PriorityRanking.Top(scored, 4);

        Assert.Equal(["t-a", "t-b", "t-c", "x"], top.Select(e => e.CustomerId));
        Assert.Equal([1, 2, 3, 4], top.Select(e => e.Rank));
        Assert.Equal(PriorityQuadrants.ActNow, top[0].Quadrant);
        Assert.Equal(["overdue", "high value"], top[0].Reasons);
        Assert.Equal(scored.GetNumeric(ColumnNames.Urgency)[1], top[0].Urgency);
        Assert.Empty(PriorityRanking.Top(scored, 0));
        Assert.Equal(6, PriorityRanking.Top(scored, 100).Count);
    }

    [Fact]
    public void Worklists_TextManagers_ListsInManagerOrderUnassignedLast()
    {
        var scored = PriorityPortfolio.Pipeline().Run(TiedPortfolio());

        var lists = PriorityRanking.Worklists(scored, 2);

        Assert.Equal(["Ann", "Zoe", null], lists.Select(l => l.Manager));
        Assert.Equal(["t-a", "z"], lists[0].Customers.Select(e => e.CustomerId));
        Assert.Equal(["t-b", "t-c"], lists[1].Customers.Select(e => e.CustomerId));
        Assert.Equal([1, 2], lists[1].Customers.Select(e => e.Rank));
        Assert.Equal(["y"], lists[2].Customers.Select(e => e.CustomerId));
    }

    [Fact]
    public void Worklists_ExcludeUnassignedAndCategoryManagers_SameListsWithoutTheLast()
    {
        var frame = TiedPortfolio();
        var managers = frame.GetText(ColumnNames.AccountManager);
        var category = new CategoryColumn("manager_code", Enumerable.Range(0, frame.Count).Select(i => managers[i]), ["Zoe", "Ann", "Bob"]);
        var scored = PriorityPortfolio.Pipeline().Run(frame.AddColumns(category));

        var fromText = PriorityRanking.Worklists(scored, 5, includeUnassigned: false);
        var fromCategory = PriorityRanking.Worklists(scored, 5, "manager_code", includeUnassigned: false);

        Assert.Equal(["Ann", "Zoe"], fromCategory.Select(l => l.Manager));
        Assert.Equal(Flatten(fromText), Flatten(fromCategory));
    }

    [Fact]
    public void Worklists_InvalidArguments_Throw()
    {
        var scored = PriorityPortfolio.Pipeline().Run(TiedPortfolio());

        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityRanking.Worklists(scored, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityRanking.Top(scored, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityRanking.Reasons(scored, 6));
        var wrongKind = Assert.Throws<ArgumentException>(() => PriorityRanking.Worklists(scored, 2, ColumnNames.Revenue));
        Assert.Contains("'revenue' is Numeric", wrongKind.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => PriorityRanking.Worklists(scored, 2, "nobody"));
        var badOptions = Assert.Throws<ArgumentException>(() => PriorityRanking.Top(scored, 2, new PriorityOptions { UrgencyThreshold = 2 }));
        Assert.Contains("UrgencyThreshold must be between 0 and 1; it was 2.", badOptions.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 100)]
    public Property Rank_ShuffledPopulation_EachCustomerKeepsItsRank()
        => Prop.ForAll(PriorityPortfolio.Population().ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (population, seed) =>
        {
            var pipeline = PriorityPortfolio.Pipeline(rank: true);
            var a = pipeline.Run(population);
            var b = pipeline.Run(PriorityPortfolio.Shuffle(population, seed));

            var ranks = a.GetNumeric(ColumnNames.PriorityRank);
            var sortedRanks = Enumerable.Range(0, a.Count).Select(i => ranks[i]).Order();
            return sortedRanks.SequenceEqual(Enumerable.Range(1, a.Count).Select(r => (double)r))
                && population.CustomerIds.All(id =>
                    a.GetNumeric(ColumnNames.PriorityRank)[a.IndexOf(id)] == b.GetNumeric(ColumnNames.PriorityRank)[b.IndexOf(id)]
                    && a.GetNumeric(ColumnNames.Priority)[a.IndexOf(id)] == b.GetNumeric(ColumnNames.Priority)[b.IndexOf(id)]);
        });

    [Property(MaxTest = 100)]
    public Property Top_AnyCount_EqualsTheFirstOfTheFullRanking()
        => Prop.ForAll(PriorityPortfolio.Population().ToArbitrary(), Gen.Choose(0, 70).ToArbitrary(), (population, count) =>
        {
            var scored = PriorityPortfolio.Pipeline(rank: true).Run(population);
            var rank = scored.GetNumeric(ColumnNames.PriorityRank);

            var naive = Enumerable.Range(0, scored.Count).OrderBy(i => rank[i]).Take(count).Select(i => scored.CustomerIds[i]);

            return PriorityRanking.Top(scored, count).Select(e => e.CustomerId).SequenceEqual(naive);
        });

    [Property(MaxTest = 100)]
    public Property Worklists_AnyPopulation_EqualNaiveSortPerManager()
        => Prop.ForAll(PriorityPortfolio.Population().ToArbitrary(), Gen.Choose(1, 8).ToArbitrary(), (population, perManager) =>
        {
            var scored = PriorityPortfolio.Pipeline().Run(population);
            var priority = scored.GetNumeric(ColumnNames.Priority);
            var managers = scored.GetText(ColumnNames.AccountManager);

            var naive = Enumerable.Range(0, scored.Count)
                .GroupBy(i => managers[i] ?? "\uffff")
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(i => priority[i]).ThenBy(i => scored.CustomerIds[i], StringComparer.Ordinal).Take(perManager).Select(i => scored.CustomerIds[i]).ToArray());

            var lists = PriorityRanking.Worklists(scored, perManager);
            return lists.Select(l => l.Customers.Select(e => e.CustomerId).ToArray()).SequenceEqual(naive, new ArrayComparer())
                && lists.All(l => l.Customers.Select(e => e.Rank).SequenceEqual(Enumerable.Range(1, l.Customers.Count)));
        });

    [Property(MaxTest = 100)]
    public Property Run_AnyPopulation_OutputsInRangeAndQuadrantMatchesThresholds()
        => Prop.ForAll(PriorityPortfolio.Population().ToArbitrary(), population =>
        {
            var scored = PriorityPortfolio.Pipeline().Run(population);
            var importance = scored.GetNumeric(ColumnNames.Importance);
            var urgency = scored.GetNumeric(ColumnNames.Urgency);
            var quadrant = scored.GetCategory(ColumnNames.Quadrant);
            var revenue = scored.GetNumeric(ColumnNames.Revenue);
            return Enumerable.Range(0, scored.Count).All(i =>
                importance[i] is > 0 and < 1 && urgency[i] is >= 0 and <= 1
                && quadrant[i] == (importance[i] >= 0.5 ? (urgency[i] >= 0.5 ? "Act now" : "Nurture") : (urgency[i] >= 0.5 ? "Low-touch" : "Monitor"))
                && Enumerable.Range(0, scored.Count).All(j => revenue[i] != revenue[j] || importance[i] == importance[j]));
        });

    private static string[] Flatten(IReadOnlyList<Worklist> lists)
        => [.. lists.SelectMany(l => l.Customers.Select(e => l.Manager + "/" + e.Rank + "/" + e.CustomerId + "/" + string.Join('+', e.Reasons)))];

    private sealed class ArrayComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x!.SequenceEqual(y!);

        public int GetHashCode(string[] obj) => obj.Length;
    }
}
