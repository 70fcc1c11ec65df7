using Xunit;

namespace CustomerValue.Allocation.Tests;

public sealed class AllocationCustomersTests
{
    private static CustomerFrame Scored(bool withIndustry = true)
    {
        var columns = new List<FrameColumn>
        {
            new CategoryColumn(ColumnNames.Tier, ["A", "C"]),
            new CategoryColumn(ColumnNames.ValueStatus, ["valuable", null]),
            new NumericColumn(ColumnNames.Priority, [0.9, 0.1]),
            new NumericColumn(ColumnNames.Revenue, [1200.5, 30]),
            new TextColumn("region", ["North", ""]),
            new TextColumn(ColumnNames.AccountManager, ["M7", null]),
        };
        if (withIndustry)
        {
            columns.Add(new CategoryColumn("industry", ["Retail", "Energy"]));
        }

        return CustomerFrame.Create(["c1", "c2"], columns);
    }

    [Fact]
    public void FromFrame_DefaultColumns_ReadsEveryFieldByName()
    {
        var customers = AllocationCustomers.FromFrame(Scored());

        Assert.Equal(
            [new("c1", "A", "valuable", 0.9, 1200.5, "Retail", "North", "M7"), new AllocationCustomer("c2", "C", null, 0.1, 30, "Energy", null, null)],
            customers);
    }

    [Fact]
    public void FromFrame_MissingColumn_ThrowsNamingColumnAndOption()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => AllocationCustomers.FromFrame(Scored(withIndustry: false)));

        Assert.Contains("no column 'industry' (AllocationColumns.Industry)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set AllocationColumns.Industry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFrame_OptionalColumnSwitchedOff_ReadsNull()
    {
        var customers = AllocationCustomers.FromFrame(Scored(withIndustry: false), new AllocationColumns { Industry = null });

        Assert.All(customers, c => Assert.Null(c.Industry));
    }

    [Fact]
    public void FromFrame_LabelColumnIsNumeric_ThrowsNamingTheKind()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AllocationCustomers.FromFrame(Scored(), new AllocationColumns { Tier = ColumnNames.Revenue }));

        Assert.Contains("'revenue' (AllocationColumns.Tier) is Numeric", error.Message, StringComparison.Ordinal);
    }
}
