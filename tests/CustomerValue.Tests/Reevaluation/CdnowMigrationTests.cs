using Xunit;

namespace CustomerValue.Tests.Reevaluation;

/// <summary>
/// Re-evaluation of the CDNOW sample: RFM scores and segments fitted as of 1997-09-30, and the frozen model applied to
/// both that snapshot and the one as of 1998-06-30.
/// </summary>
public sealed class CdnowMigrationTests
{
    private static readonly DateOnly BeforeDate = new(1997, 9, 30);
    private static readonly DateOnly AfterDate = new(1998, 6, 30);
    private static readonly Lazy<Context> Shared = new(() => new Context());

    private static Context Data => Shared.Value;

    [Fact]
    public void Create_CdnowSnapshots_MatchesEveryCustomerWithNoNewOrLost()
    {
        var idsByBefore = Data.Transactions.Where(t => DateOnly.FromDateTime(t.Timestamp) <= BeforeDate).Select(t => t.CustomerId).Distinct(StringComparer.Ordinal).Count();
        var idsByAfter = Data.Transactions.Where(t => DateOnly.FromDateTime(t.Timestamp) <= AfterDate).Select(t => t.CustomerId).Distinct(StringComparer.Ordinal).Count();

        Assert.Equal(2357, idsByBefore);
        Assert.Equal(2357, idsByAfter);
        Assert.Equal((2357, 2357, 2357, 0, 0), (Data.Report.BeforeCustomers, Data.Report.AfterCustomers, Data.Report.MatchedCustomers, Data.Report.NewCustomers, Data.Report.LostCustomers));
        foreach (var matrix in Data.Report.Matrices)
        {
            Assert.Equal(2357, matrix.Cells.Sum(c => c.Customers));
            Assert.Empty(matrix.NewCustomers);
            Assert.Empty(matrix.LostCustomers);
            Assert.Empty(matrix.Unranked);
        }
    }

    [Fact]
    public void Create_ModelWithDefaultOptions_ComparesSegmentsAsWhenScoredFirst()
    {
        var report = MigrationReport.Create(Data.Model, Data.Before, Data.After);

        var scoredFirst = MigrationReport.Create(Data.Model.Score(Data.Before), Data.Model.Score(Data.After));
        Assert.Equal([ColumnNames.Segment], report.Matrices.Select(m => m.Column));
        Assert.Equal(Data.Report.GetMatrix(ColumnNames.Segment).Cells, report.Matrices[0].Cells);
        Assert.Equal(scoredFirst.ToString(), report.ToString());
    }

    [Fact]
    public void Create_CdnowSnapshots_RowAndColumnSumsEqualSegmentCounts()
    {
        var segments = Data.Report.GetMatrix(ColumnNames.Segment);
        var n = segments.Labels.Count;

        var beforeCounts = Count(Data.Model.Score(Data.Before).GetCategory(ColumnNames.Segment));
        var afterCounts = Count(Data.Model.Score(Data.After).GetCategory(ColumnNames.Segment));

        for (var i = 0; i < n; i++)
        {
            var label = segments.Labels[i];
            Assert.Equal(beforeCounts.GetValueOrDefault(label), segments.Cells.Skip(i * n).Take(n).Sum(c => c.Customers));
            Assert.Equal(afterCounts.GetValueOrDefault(label), Enumerable.Range(0, n).Sum(r => segments.Cells[(r * n) + i].Customers));
        }

        Assert.Equal(beforeCounts.Count, segments.Labels.Count(l => beforeCounts.ContainsKey(l)));
        Assert.Equal(afterCounts.Count, segments.Labels.Count(l => afterCounts.ContainsKey(l)));
    }

    [Fact]
    public void Create_CdnowSnapshots_ValueTotalsEqualTheTransactions()
    {
        var before = Data.Transactions.Where(t => DateOnly.FromDateTime(t.Timestamp) <= BeforeDate).Sum(t => t.Amount);
        var after = Data.Transactions.Where(t => DateOnly.FromDateTime(t.Timestamp) <= AfterDate).Sum(t => t.Amount);

        Assert.Equal((double)before, Data.Report.MatchedValueBefore, 6);
        Assert.Equal((double)after, Data.Report.MatchedValueAfter, 6);
        Assert.All(Data.Report.Matrices, m => Assert.Equal((double)after, m.Cells.Sum(c => c.ValueAfter), 6));
    }

    [Fact]
    public void Create_CdnowSnapshots_CustomersWithoutNewPurchasesNeverMoveUpInRecency()
    {
        var buyers = Data.Transactions
            .Where(t => DateOnly.FromDateTime(t.Timestamp) > BeforeDate && DateOnly.FromDateTime(t.Timestamp) <= AfterDate)
            .Select(t => t.CustomerId)
            .ToHashSet(StringComparer.Ordinal);
        var recency = Data.Report.GetMatrix(ColumnNames.RecencyScore);

        Assert.Equal(684, buyers.Count);
        Assert.All(recency.MovedUp, m => Assert.Contains(m.CustomerId, buyers));
        Assert.All(recency.MovedUp.Concat(recency.MovedDown).Where(m => !buyers.Contains(m.CustomerId)), m => Assert.Equal(m.ValueBefore, m.ValueAfter));
    }

    [Fact]
    public void Create_CdnowSnapshots_HandCheckedCustomers()
    {
        // Recency thresholds fitted as of 1997-09-30 are 100, 198, 220, 243 days (scores 5..1).
        var recency = Data.Report.GetMatrix(ColumnNames.RecencyScore);
        var segments = Data.Report.GetMatrix(ColumnNames.Segment);

        // 21: last purchase 1997-04-14 ($14.99 + $34.60 + $29.99): 169 days (score 4), then 442 days (score 1).
        Assert.Contains(new CustomerMove("21", "4", "1", -3, 79.58, 79.58), recency.MovedDown);
        // 18: last purchase 1997-02-04 ($13.97 + $9.99): 238 days (score 2), then 511 days (score 1).
        Assert.Contains(new CustomerMove("18", "2", "1", -1, 23.96, 23.96), recency.MovedDown);
        // 4: one purchase of $13.97 on 1997-01-01: R = F = M = 1 in both snapshots, so Lost stays Lost.
        // 1000: bought again in 1998 (recency 64 then 52 days, score 5 in both) and spent $156.96 in all.
        foreach (var id in new[] { "4", "1000" })
        {
            Assert.DoesNotContain(recency.MovedUp.Concat(recency.MovedDown), m => m.CustomerId == id);
            Assert.DoesNotContain(segments.MovedUp.Concat(segments.MovedDown), m => m.CustomerId == id);
        }

        Assert.Equal("Lost", Data.Model.Score(Data.After).GetCategory(ColumnNames.Segment)[Data.After.IndexOf("4")]);
        Assert.Equal(156.96, Data.After.GetNumeric(ColumnNames.Revenue)[Data.After.IndexOf("1000")], 9);
        var labels = segments.Labels.ToList();
        Assert.Equal(labels.IndexOf("Customers Needing Attention") - labels.IndexOf("Hibernating"), segments.MovedDown.Single(m => m.CustomerId == "18").Steps);
    }

    private static Dictionary<string, int> Count(CategoryColumn column)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < column.Length; i++)
        {
            var label = column[i] ?? "(none)";
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        return counts;
    }

    private sealed class Context
    {
        public Context()
        {
            Transactions = Fixture.CdnowSample();
            Before = CustomerSummaries.FromTransactions(Transactions, new SummaryOptions { AsOf = BeforeDate }).Customers;
            After = CustomerSummaries.FromTransactions(Transactions, new SummaryOptions { AsOf = AfterDate }).Customers;
            Model = new CustomerPipelineBuilder().AddRfmScores().AddSegments().Build().Fit(Before);
            Report = MigrationReport.Create(Model, Before, After, new MigrationOptions { Columns = [ColumnNames.Segment, ColumnNames.RecencyScore] });
        }

        public Transaction[] Transactions { get; }

        public CustomerFrame Before { get; }

        public CustomerFrame After { get; }

        public FittedPipeline Model { get; }

        public MigrationReport Report { get; }
    }
}
