using System.Globalization;
using Xunit;

namespace CustomerValue.Tests.Reevaluation;

public sealed class MigrationReportTests
{
    private static readonly string[] Tiers = ["A", "B", "C", "Valueless"];

    // a lost; b A->C (down 2); c B->A (up 1); d C->A (up 2); e B->B; f C->Valueless (down 1);
    // g (none)->C (unranked); h new. Rows are in different orders so matching must go by id.
    private static CustomerFrame Before() => Snapshot(
        ["g", "a", "b", "c", "d", "e", "f"],
        [null, "A", "A", "B", "C", "B", "C"],
        [7, 100, 90, 50, 10, 40, 5]);

    private static CustomerFrame After() => Snapshot(
        ["h", "f", "e", "d", "c", "b", "g"],
        ["B", "Valueless", "B", "A", "A", "C", "C"],
        [60, 0, 45, 80, 120, 20, 12]);

    private static CustomerFrame Snapshot(string[] ids, string?[] tiers, double[] revenue) => CustomerFrame.Create(ids,
    [
        new CategoryColumn(ColumnNames.Tier, tiers, Tiers),
        new TextColumn("region", [.. tiers.Select(t => t is null ? null : t == "A" ? "North" : "South")]),
        new NumericColumn(ColumnNames.Revenue, revenue),
    ]);

    [Fact]
    public void Create_HandCheckedTiers_CountsEveryTransition()
    {
        var tiers = MigrationReport.Create(Before(), After()).GetMatrix(ColumnNames.Tier);

        Assert.Equal(["A", "B", "C", "Valueless", "(none)"], tiers.Labels);
        var expected = new Dictionary<(string, string), int>
        {
            [("A", "C")] = 1, [("B", "A")] = 1, [("C", "A")] = 1, [("B", "B")] = 1, [("C", "Valueless")] = 1, [("(none)", "C")] = 1,
        };
        for (var i = 0; i < tiers.Labels.Count; i++)
        {
            for (var j = 0; j < tiers.Labels.Count; j++)
            {
                var cell = tiers.Cells[(i * tiers.Labels.Count) + j];
                Assert.Equal((tiers.Labels[i], tiers.Labels[j]), (cell.From, cell.To));
                Assert.Equal(expected.GetValueOrDefault((cell.From, cell.To)), cell.Customers);
            }
        }

        Assert.Equal(6, tiers.MatchedCustomers);
        Assert.Equal(1, tiers.Stayed);
    }

    [Fact]
    public void Create_HandCheckedTiers_ListsMovesNewAndLost()
    {
        var tiers = MigrationReport.Create(Before(), After()).GetMatrix(ColumnNames.Tier);

        Assert.Equal([new CustomerMove("d", "C", "A", 2, 10, 80), new CustomerMove("c", "B", "A", 1, 50, 120)], tiers.MovedUp);
        Assert.Equal([new CustomerMove("b", "A", "C", -2, 90, 20), new CustomerMove("f", "C", "Valueless", -1, 5, 0)], tiers.MovedDown);
        Assert.Equal([new CustomerMove("g", "(none)", "C", 0, 7, 12)], tiers.Unranked);
        Assert.Equal([new MigrationCustomer("h", "B", 60)], tiers.NewCustomers);
        Assert.Equal([new MigrationCustomer("a", "A", 100)], tiers.LostCustomers);
    }

    [Fact]
    public void Create_HandCheckedTiers_SumsValuePerTransitionAndInTotal()
    {
        var report = MigrationReport.Create(Before(), After());
        var tiers = report.GetMatrix(ColumnNames.Tier);

        Assert.Equal(new MigrationCell("B", "A", 1, 50, 120), tiers.GetCell("B", "A"));
        Assert.Equal(70, tiers.GetCell("B", "A").ValueChange);
        Assert.Equal(-5, tiers.GetCell("C", "Valueless").ValueChange);
        Assert.Equal(0, tiers.GetCell("A", "A").ValueAfter);
        Assert.Equal((7, 7, 6, 1, 1), (report.BeforeCustomers, report.AfterCustomers, report.MatchedCustomers, report.NewCustomers, report.LostCustomers));
        Assert.Equal((7 + 90 + 50 + 10 + 40 + 5, 12 + 20 + 120 + 80 + 45 + 0), (report.MatchedValueBefore, report.MatchedValueAfter));
        Assert.Equal((60.0, 100.0), (report.NewValue, report.LostValue));
        Assert.Equal(ColumnNames.Revenue, report.ValueColumn);
    }

    [Fact]
    public void Create_TextColumn_RanksLabelsOrdinallyAndMatchesById()
    {
        var region = MigrationReport.Create(Before(), After(), new MigrationOptions { Columns = ["region"] }).GetMatrix("region");

        Assert.Equal(["North", "South", "(none)"], region.Labels);
        Assert.Equal(["c", "d"], region.MovedUp.Select(m => m.CustomerId));
        Assert.Equal(["b"], region.MovedDown.Select(m => m.CustomerId));
        Assert.Equal(["g"], region.Unranked.Select(m => m.CustomerId));
        Assert.Equal(2, region.GetCell("South", "South").Customers);
    }

    [Fact]
    public void Create_ExplicitRankOrder_ReversesUpAndDown()
    {
        var options = new MigrationOptions { RankOrders = new Dictionary<string, IReadOnlyList<string>> { [ColumnNames.Tier] = ["Valueless", "C", "B", "A", "Unused"] } };

        var tiers = MigrationReport.Create(Before(), After(), options).GetMatrix(ColumnNames.Tier);

        Assert.Equal(["Valueless", "C", "B", "A", "Unused", "(none)"], tiers.Labels);
        Assert.Equal(["b", "f"], tiers.MovedUp.Select(m => m.CustomerId));
        Assert.Equal(["d", "c"], tiers.MovedDown.Select(m => m.CustomerId));
        Assert.Equal(0, tiers.GetCell("Unused", "Unused").Customers);
    }

    [Fact]
    public void Create_RankOrderMissingAUsedLabel_ThrowsNamingLabelAndOption()
    {
        var options = new MigrationOptions { RankOrders = new Dictionary<string, IReadOnlyList<string>> { [ColumnNames.Tier] = ["A", "B", "C"] } };

        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(Before(), After(), options));

        Assert.Contains("'Valueless' in the 'after' snapshot", error.Message, StringComparison.Ordinal);
        Assert.Contains("MigrationOptions.RankOrders['tier']", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RankOrderForColumnNotCompared_ThrowsNamingColumnsOption()
    {
        var options = new MigrationOptions { RankOrders = new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["North", "South"] } };

        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(Before(), After(), options));

        Assert.Contains("an order for 'region', which is not compared (compared: tier); add it to MigrationOptions.Columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CategoryOnlyInAfterSnapshot_GetsRowAndColumn()
    {
        var before = CustomerFrame.Create(["x", "y"], [new CategoryColumn(ColumnNames.Segment, ["Old", "Kept"]), new NumericColumn(ColumnNames.Revenue, [1.0, 2.0])]);
        var after = CustomerFrame.Create(["x", "y"], [new CategoryColumn(ColumnNames.Segment, ["Kept", "Fresh"]), new NumericColumn(ColumnNames.Revenue, [3.0, 4.0])]);

        var segments = MigrationReport.Create(before, after).GetMatrix(ColumnNames.Segment);

        Assert.Equal(["Old", "Kept", "Fresh"], segments.Labels);
        Assert.Equal(1, segments.GetCell("Old", "Kept").Customers);
        Assert.Equal(1, segments.GetCell("Kept", "Fresh").Customers);
        Assert.Empty(segments.MovedUp);
        Assert.Equal(["x", "y"], segments.MovedDown.Select(m => m.CustomerId));
    }

    [Fact]
    public void Create_ScoreColumn_RanksHighestScoreFirst()
    {
        var before = CustomerFrame.Create(["x", "y", "z"], [new ScoreColumn(ColumnNames.RecencyScore, 3, [1, 3, 0]), new NumericColumn(ColumnNames.Revenue, [1.0, 2.0, 3.0])]);
        var after = CustomerFrame.Create(["x", "y", "z"], [new ScoreColumn(ColumnNames.RecencyScore, 3, [3, 2, 2]), new NumericColumn(ColumnNames.Revenue, [1.0, 2.0, 3.0])]);

        var scores = MigrationReport.Create(before, after, new MigrationOptions { Columns = [ColumnNames.RecencyScore] }).GetMatrix(ColumnNames.RecencyScore);

        Assert.Equal(["3", "2", "1", "(none)"], scores.Labels);
        Assert.Equal([new CustomerMove("x", "1", "3", 2, 1, 1)], scores.MovedUp);
        Assert.Equal([new CustomerMove("y", "3", "2", -1, 2, 2)], scores.MovedDown);
        Assert.Equal(["z"], scores.Unranked.Select(m => m.CustomerId));
    }

    [Fact]
    public void Create_MissingValues_AddNothingToSums()
    {
        var before = CustomerFrame.Create(["x", "y"], [new CategoryColumn(ColumnNames.Tier, ["A", "A"]), new NumericColumn("margin", [double.NaN, 2.0])]);
        var after = CustomerFrame.Create(["x", "y"], [new CategoryColumn(ColumnNames.Tier, ["A", "A"]), new NumericColumn("margin", [5.0, double.NaN])]);

        var report = MigrationReport.Create(before, after, new MigrationOptions { ValueColumn = "margin" });

        Assert.Equal(new MigrationCell("A", "A", 2, 2, 5), report.GetMatrix(ColumnNames.Tier).GetCell("A", "A"));
        Assert.Equal((2.0, 5.0), (report.MatchedValueBefore, report.MatchedValueAfter));
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new MigrationOptions();

        Assert.Null(options.Columns);
        Assert.Equal(ColumnNames.Revenue, options.ValueColumn);
        Assert.Null(options.RankOrders);
        Assert.Equal("(none)", options.MissingLabel);
    }

    [Fact]
    public void Create_DefaultColumns_UsesOnlyThosePresentInBoth()
    {
        var report = MigrationReport.Create(Before(), After().AddColumns(new CategoryColumn(ColumnNames.Segment, ["S", "S", "S", "S", "S", "S", "S"])));

        Assert.Equal([ColumnNames.Tier], report.Matrices.Select(m => m.Column));
    }

    [Fact]
    public void Create_NoDefaultColumnInBoth_ThrowsNamingColumnsOption()
    {
        var before = CustomerFrame.Create(["x"], [new NumericColumn(ColumnNames.Revenue, [1.0])]);

        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(before, before));

        Assert.Contains("set MigrationOptions.Columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidOptions_NamesEveryBadOption()
    {
        var options = new MigrationOptions
        {
            Columns = [ColumnNames.Tier, " ", ColumnNames.Tier],
            ValueColumn = "",
            MissingLabel = "A",
            RankOrders = new Dictionary<string, IReadOnlyList<string>> { [ColumnNames.Tier] = ["A", "B", "B"], ["other"] = [] },
        };

        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(Before(), After(), options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Columns[1] must not be null, empty or whitespace", error.Message, StringComparison.Ordinal);
        Assert.Contains("Columns lists 'tier' twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("ValueColumn must name a numeric column; it was ''", error.Message, StringComparison.Ordinal);
        Assert.Contains("RankOrders['tier'] lists 'A', the MissingLabel", error.Message, StringComparison.Ordinal);
        Assert.Contains("RankOrders['tier'] lists 'B' twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("RankOrders['other'] must list at least one category", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EmptyColumnsAndBlankMissingLabel_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(Before(), After(), new MigrationOptions { Columns = [], MissingLabel = " " }));

        Assert.Contains("Columns must name at least one column", error.Message, StringComparison.Ordinal);
        Assert.Contains("MissingLabel must not be null, empty or whitespace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NamedColumnAbsentFromAfter_ThrowsNamingSnapshot()
    {
        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(Before(), After(), new MigrationOptions { Columns = ["region", "industry"] }));

        Assert.Contains("'industry' is not in the 'before' snapshot", error.Message, StringComparison.Ordinal);
        Assert.Contains("'industry' is not in the 'after' snapshot", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("margin", "is not in the 'before' snapshot")]
    [InlineData("region", "is Text in the 'before' snapshot, not Numeric")]
    public void Create_BadValueColumn_ThrowsNamingValueColumnOption(string valueColumn, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(Before(), After(), new MigrationOptions { ValueColumn = valueColumn }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("MigrationOptions.ValueColumn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NumericComparedColumn_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(Before(), After(), new MigrationOptions { Columns = [ColumnNames.Revenue] }));

        Assert.Contains("'revenue' is Numeric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RealCategoryNamedLikeMissingLabel_ThrowsNamingMissingLabelOption()
    {
        var frame = CustomerFrame.Create(["x"], [new CategoryColumn(ColumnNames.Tier, ["(none)"]), new NumericColumn(ColumnNames.Revenue, [1.0])]);

        var error = Assert.Throws<ArgumentException>(() => MigrationReport.Create(frame, frame));

        Assert.Contains("set MigrationOptions.MissingLabel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetCell_UnknownLabel_ListsLabels()
    {
        var tiers = MigrationReport.Create(Before(), After()).GetMatrix(ColumnNames.Tier);

        var error = Assert.Throws<KeyNotFoundException>(() => tiers.GetCell("A", "Z"));

        Assert.Contains("no category 'Z'. Its categories are: A, B, C, Valueless, (none)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMatrix_ColumnNotCompared_ListsComparedColumns()
    {
        var report = MigrationReport.Create(Before(), After());

        var error = Assert.Throws<KeyNotFoundException>(() => report.GetMatrix("region"));

        Assert.Contains("Its columns are: tier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_UnderCommaDecimalCulture_RendersInvariantTables()
    {
        // The test host runs in globalization-invariant mode, so a comma-decimal culture is built by hand.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = comma;
        try
        {
            var report = MigrationReport.Create(Before(), After(), new MigrationOptions { Columns = [ColumnNames.Tier] });
            var lines = report.ToString().Split(Environment.NewLine);

            Assert.Equal("customers: before 7, after 7, in both 6, new 1, lost 1", lines[0]);
            Assert.Equal("revenue: in both 202.00 -> 277.00, new 60.00, lost 100.00", lines[1]);
            Assert.Contains("from \\ to  A  B  C  Valueless  (none)  total", lines, StringComparer.Ordinal);
            Assert.Contains("B          1  1  0          0       0      2", lines, StringComparer.Ordinal);
            Assert.Contains("total      2  1  2          1       0      6", lines, StringComparer.Ordinal);
            Assert.Contains("B          120.00  45.00   0.00       0.00    0.00  165.00", lines, StringComparer.Ordinal);
            Assert.Contains("stayed 1, up 2, down 2, unranked 1, new 1, lost 1", lines, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
