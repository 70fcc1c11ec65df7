using Xunit;

namespace CustomerValue.Tests.Data;

public sealed class CustomerFrameTests
{
    [Fact]
    public void Create_DuplicateId_ThrowsNamingBothRows()
    {
        var error = Assert.Throws<ArgumentException>(() => CustomerFrame.Create(["a", "b", "a"], []));

        Assert.Contains("'a' appears twice (rows 0 and 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BlankId_Throws()
        => Assert.Throws<ArgumentException>(() => CustomerFrame.Create(["a", " "], []));

    [Fact]
    public void AddColumns_WrongLength_ThrowsNamingTheColumn()
    {
        var frame = CustomerFrame.Create(["a", "b"], []);

        var error = Assert.Throws<ArgumentException>(() => frame.AddColumns(new NumericColumn("x", [1.0])));

        Assert.Contains("'x' has 1 values but the frame has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddColumns_ExistingName_Throws()
    {
        var frame = CustomerFrame.Create(["a"], [new NumericColumn("x", [1.0])]);

        Assert.Throws<ArgumentException>(() => frame.AddColumns(new NumericColumn("x", [2.0])));
    }

    [Fact]
    public void Indexer_MissingColumn_ListsTheColumnsItHas()
    {
        var frame = CustomerFrame.Create(["a"], [new NumericColumn("x", [1.0]), new TextColumn("y", ["t"])]);

        var error = Assert.Throws<KeyNotFoundException>(() => frame["z"]);

        Assert.Contains("Its columns are: x, y", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_CarriesAttributesByIdAndLeavesOthersMissing()
    {
        var customers = CustomerFrame.Create(["a", "b", "c"], [new NumericColumn(ColumnNames.Revenue, [1.0, 2, 3])]);
        var attributes = CustomerFrame.Create(
            ["c", "a", "z"],
            [new NumericColumn("complaints", [2.0, 0, 9]), new TextColumn("manager", ["Kim", "Lee", "Ann"])]);

        var joined = customers.Join(attributes);

        Assert.Equal([0.0, double.NaN, 2], joined.GetNumeric("complaints").Values.ToArray());
        Assert.Equal(["Lee", null, "Kim"], Enumerable.Range(0, 3).Select(i => joined.GetText("manager")[i]));
        Assert.Equal(["a", "b", "c"], joined.CustomerIds);
    }

    [Fact]
    public void AddColumns_SourceFrame_IsUnchanged()
    {
        var frame = CustomerFrame.Create(["a"], []);

        var added = frame.AddColumns(new NumericColumn("x", [1.0]));

        Assert.Empty(frame.Columns);
        Assert.Single(added.Columns);
    }

    [Fact]
    public void NumericColumn_SourceArrayChangedLater_DoesNotChange()
    {
        double[] values = [1, 2];
        var column = new NumericColumn("x", values);

        values[0] = 99;

        Assert.Equal(1, column[0]);
    }

    [Fact]
    public void CategoryColumn_LabelOutsideCategories_Throws()
        => Assert.Throws<ArgumentException>(() => new CategoryColumn("s", ["a", "b"], ["a"]));

    [Fact]
    public void ScoreColumn_ScoreAboveBins_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreColumn("s", 5, [1, 6]));

    [Fact]
    public void GetRow_ReadsEveryKindOfColumn()
    {
        var frame = CustomerFrame.Create(
            ["a"],
            [new NumericColumn("n", [1.5]), new ScoreColumn("s", 5, [4]), new CategoryColumn("c", ["Gold"]), new TextColumn("t", ["x"])]);

        var row = frame.GetRow(0);

        Assert.Equal(("a", 1.5, 4, "Gold", "x"), (row.CustomerId, row.GetNumber("n"), row.GetScore("s"), row.GetText("c"), row.GetText("t")));
    }
}
