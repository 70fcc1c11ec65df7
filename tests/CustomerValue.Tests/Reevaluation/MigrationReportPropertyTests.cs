using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Reevaluation;

public sealed class MigrationReportPropertyTests
{
    private static readonly MigrationOptions TierOnly = new() { Columns = [ColumnNames.Tier] };

    [Property(Arbitrary = [typeof(MigrationGenerators)])]
    public void Create_RandomSnapshots_MatrixSumsToCustomersInBoth(MigrationCase test)
    {
        var both = Enumerable.Range(0, test.Presence.Length).Count(k => test.InBefore(k) && test.InAfter(k));

        var report = MigrationReport.Create(test.Before(), test.After(), TierOnly);
        var tiers = report.GetMatrix(ColumnNames.Tier);

        Assert.Equal(both, tiers.Cells.Sum(c => c.Customers));
        Assert.Equal(both, report.MatchedCustomers);
        Assert.Equal(both, tiers.Stayed + tiers.MovedUp.Count + tiers.MovedDown.Count + tiers.Unranked.Count);
        Assert.Equal(Enumerable.Range(0, test.Presence.Length).Count(k => test.InAfter(k) && !test.InBefore(k)), tiers.NewCustomers.Count);
        Assert.Equal(Enumerable.Range(0, test.Presence.Length).Count(k => test.InBefore(k) && !test.InAfter(k)), tiers.LostCustomers.Count);
        Assert.Equal(report.NewCustomers, tiers.NewCustomers.Count);
        Assert.Equal(report.LostCustomers, tiers.LostCustomers.Count);
    }

    [Property(Arbitrary = [typeof(MigrationGenerators)])]
    public void Create_RandomSnapshots_UpAndDownFollowTheTierOrder(MigrationCase test)
    {
        var tiers = MigrationReport.Create(test.Before(), test.After(), TierOnly).GetMatrix(ColumnNames.Tier);

        var matched = Enumerable.Range(0, test.Presence.Length).Where(k => test.InBefore(k) && test.InAfter(k) && test.BeforeCodes[k] >= 0 && test.AfterCodes[k] >= 0).ToArray();
        Assert.Equal(matched.Where(k => test.AfterCodes[k] < test.BeforeCodes[k]).Select(MigrationCase.Id).Order(StringComparer.Ordinal), tiers.MovedUp.Select(m => m.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal(matched.Where(k => test.AfterCodes[k] > test.BeforeCodes[k]).Select(MigrationCase.Id).Order(StringComparer.Ordinal), tiers.MovedDown.Select(m => m.CustomerId).Order(StringComparer.Ordinal));
        foreach (var move in tiers.MovedUp.Concat(tiers.MovedDown))
        {
            var k = int.Parse(move.CustomerId[1..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((MigrationCase.Tiers[test.BeforeCodes[k]], MigrationCase.Tiers[test.AfterCodes[k]]), (move.From, move.To));
            Assert.Equal(test.BeforeCodes[k] - test.AfterCodes[k], move.Steps);
            Assert.Equal((test.BeforeCents[k] / 100.0, test.AfterCents[k] / 100.0), (move.ValueBefore, move.ValueAfter));
        }

        AssertOrdered(tiers.MovedUp);
        AssertOrdered(tiers.MovedDown);
    }

    [Property(Arbitrary = [typeof(MigrationGenerators)])]
    public void Create_RandomSnapshots_ValueMovingBetweenTiersSumsToMatchedValue(MigrationCase test)
    {
        var matched = Enumerable.Range(0, test.Presence.Length).Where(k => test.InBefore(k) && test.InAfter(k)).ToArray();

        var report = MigrationReport.Create(test.Before(), test.After(), TierOnly);
        var cells = report.GetMatrix(ColumnNames.Tier).Cells;

        var afterCents = matched.Sum(k => (long)test.AfterCents[k]);
        var beforeCents = matched.Sum(k => (long)test.BeforeCents[k]);
        Assert.Equal(afterCents / 100.0, cells.Sum(c => c.ValueAfter), 6);
        Assert.Equal(beforeCents / 100.0, cells.Sum(c => c.ValueBefore), 6);
        Assert.Equal((afterCents - beforeCents) / 100.0, cells.Sum(c => c.ValueChange), 6);
        Assert.Equal(afterCents / 100.0, report.MatchedValueAfter, 6);
    }

    private static void AssertOrdered(IReadOnlyList<CustomerMove> moves)
    {
        for (var i = 1; i < moves.Count; i++)
        {
            var (a, b) = (moves[i - 1], moves[i]);
            Assert.True(
                Math.Abs(a.Steps) > Math.Abs(b.Steps) || (Math.Abs(a.Steps) == Math.Abs(b.Steps) && string.CompareOrdinal(a.CustomerId, b.CustomerId) < 0),
                $"{a} should come after {b}");
        }
    }
}
