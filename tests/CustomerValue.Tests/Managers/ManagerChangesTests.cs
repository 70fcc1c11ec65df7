using Xunit;
using static CustomerValue.Tests.Managers.ManagerFrames;

namespace CustomerValue.Tests.Managers;

public sealed class ManagerChangesTests
{
    public static CustomerFrame Before() => Snapshot(
        ("K1", "X", "A", 100),
        ("K2", "X", "B", 50),
        ("K3", "X", "C", 10),
        ("K4", "X", "C", 20),
        ("K5", "Y", "A", 200),
        ("K6", "Y", "B", 40),
        ("K7", null, "C", 5),
        ("K8", "Z", "B", 30));

    // K4 and K8 left; K9 and K10 are new; K3 went from X to Y, K6 from Y to nobody, K7 from nobody to X.
    public static CustomerFrame After() => Snapshot(
        ("K10", "Z", "A", 60),
        ("K9", "X", "C", 12),
        ("K7", "X", "C", 6),
        ("K6", null, null, 45),
        ("K5", "Y", "A", 250),
        ("K3", "Y", "C", 15),
        ("K2", "X", "A", 80),
        ("K1", "X", "B", 120));

    [Fact]
    public void Create_HandCheckedSnapshots_EveryChange()
    {
        var changes = ManagerChanges.Create(Before(), After());

        Assert.Equal((8, 8, 6), (changes.BeforeCustomers, changes.AfterCustomers, changes.MatchedCustomers));
        Assert.Equal(["X", "Y", "Z"], changes.Rows.Select(r => r.Manager));

        // X held K1..K4: K1, K2, K3 stayed in the population (3 of 4), K4 left; K3 now belongs to Y. X now holds K1, K2,
        // K7 (was nobody's: transferred in) and K9 (new): 4 - 1 lost - 1 out + 1 won + 1 in = 4.
        // Value 100+50+10+20 = 180 -> 120+80+6+12 = 218; like for like K1..K3: 160 -> 120+80+15 = 215.
        // K2 moved B -> A (up), K1 A -> B (down), K3 C -> C.
        var x = changes.Rows[0];
        Assert.Equal((4, 4, 3, 0.75, 1, 1, 1, 1), (x.CustomersBefore, x.CustomersAfter, x.Retained, x.RetentionRate, x.Lost, x.Won, x.TransferredOut, x.TransferredIn));
        Assert.Equal((180.0, 218.0, 160.0, 215.0), (x.ValueBefore, x.ValueAfter, x.RetainedValueBefore, x.RetainedValueAfter));
        Assert.Equal(38.0 / 180, x.ValueGrowth, 12);
        Assert.Equal(55.0 / 160, x.RetainedValueGrowth, 12);
        Assert.Equal((1, 1), (x.TierUpgrades, x.TierDowngrades));

        // Y held K5, K6, both still present (retention 1); K6 has no manager now (out); K3 came in from X.
        // Value 240 -> 250 + 15 = 265; like for like 240 -> 250 + 45 = 295. K6 lost its tier: neither up nor down.
        var y = changes.Rows[1];
        Assert.Equal((2, 2, 2, 1.0, 0, 0, 1, 1), (y.CustomersBefore, y.CustomersAfter, y.Retained, y.RetentionRate, y.Lost, y.Won, y.TransferredOut, y.TransferredIn));
        Assert.Equal((240.0, 265.0, 240.0, 295.0), (y.ValueBefore, y.ValueAfter, y.RetainedValueBefore, y.RetainedValueAfter));
        Assert.Equal((0, 0), (y.TierUpgrades, y.TierDowngrades));

        // Z lost its only customer K8 and won K10: retention 0, value 30 -> 60 (+100%), no retained value to grow.
        var z = changes.Rows[2];
        Assert.Equal((1, 1, 0, 0.0, 1, 1, 0, 0), (z.CustomersBefore, z.CustomersAfter, z.Retained, z.RetentionRate, z.Lost, z.Won, z.TransferredOut, z.TransferredIn));
        Assert.Equal((30.0, 60.0, 1.0), (z.ValueBefore, z.ValueAfter, z.ValueGrowth));
        Assert.True(double.IsNaN(z.RetainedValueGrowth));
    }

    [Fact]
    public void Create_ManagerOnlyInTheSecondSnapshot_HasNoRetention()
    {
        var after = Snapshot(("K1", "W", "A", 10));

        var row = ManagerChanges.Create(Before(), after).Rows.Single(r => r.Manager == "W");

        Assert.Equal((0, 1, 1), (row.CustomersBefore, row.CustomersAfter, row.TransferredIn));
        Assert.True(double.IsNaN(row.RetentionRate) && double.IsNaN(row.ValueGrowth));
    }

    [Fact]
    public void Create_MissingValues_AddNothing()
    {
        var before = Snapshot(("K1", "X", "A", NaN), ("K2", "X", "A", 10));
        var after = Snapshot(("K1", "X", "A", 5), ("K2", "X", "A", NaN));

        var row = ManagerChanges.Create(before, after).Rows.Single();

        Assert.Equal((10.0, 5.0, 10.0, 5.0), (row.ValueBefore, row.ValueAfter, row.RetainedValueBefore, row.RetainedValueAfter));
    }

    [Fact]
    public void Create_TextTiers_RankInOrdinalOrder()
    {
        var before = CustomerFrame.Create(["K1", "K2"], [new TextColumn("m", ["X", "X"]), new TextColumn("t", ["Gold", "Silver"]), new NumericColumn("v", [1.0, 1])]);
        var after = CustomerFrame.Create(["K1", "K2"], [new TextColumn("m", ["X", "X"]), new TextColumn("t", ["Silver", "Gold"]), new NumericColumn("v", [1.0, 1])]);

        var row = ManagerChanges.Create(before, after, new ManagerKpiOptions { ManagerColumn = "m", TierColumn = "t", ValueColumn = "v" }).Rows.Single();

        // Text tiers rank in ordinal order, first = best (as in MigrationReport): Gold before Silver, so K1 Gold -> Silver
        // is down and K2 Silver -> Gold is up.
        Assert.Equal((1, 1), (row.TierUpgrades, row.TierDowngrades));
    }

    [Fact]
    public void Create_ColumnMissingInOneSnapshot_NamesTheSnapshotAndOption()
    {
        var after = CustomerFrame.Create(["K1"], [new TextColumn(ColumnNames.AccountManager, ["X"]), new NumericColumn(ColumnNames.Revenue, [1.0])]);

        var error = Assert.Throws<ArgumentException>(() => ManagerChanges.Create(Before(), after));

        Assert.Contains("The 'after' frame has no column 'tier' (ManagerKpiOptions.TierColumn)", error.Message, StringComparison.Ordinal);
    }
}
