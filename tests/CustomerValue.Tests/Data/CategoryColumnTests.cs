using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Data;

/// <summary>Narrow (one byte per customer) and wide category columns read the same through every accessor.</summary>
public sealed class CategoryColumnTests
{
    [Property(MaxTest = 100)]
    public Property Accessors_AnyLabelsNarrowOrWide_AgreeWithTheLabels()
        => Prop.ForAll(Gen.Choose(1, 400).ToArbitrary(), Gen.Choose(-1, 399).ArrayOf().ToArbitrary(), (categoryCount, raw) =>
        {
            var categories = Enumerable.Range(0, categoryCount).Select(c => "k" + c).ToArray();
            var codes = raw.Select(c => c < 0 ? -1 : c % categoryCount).ToArray();
            var column = new CategoryColumn("c", codes.Select(c => c < 0 ? null : categories[c]), categories);

            Assert.Equal(codes, column.Codes.ToArray());
            Assert.Equal(codes, Enumerable.Range(0, codes.Length).Select(column.GetCode));
            Assert.Equal(codes.Select(c => c < 0 ? null : categories[c]), Enumerable.Range(0, codes.Length).Select(i => column[i]));
            Assert.Equal(codes.Length > 0 && categoryCount <= CategoryColumn.MaxNarrowCategories, !column.NarrowCodes.IsEmpty);
        });

    [Theory]
    [InlineData(3)]
    [InlineData(300)]
    public void Join_MissingCustomers_GetMissingCodesInBothStorages(int categoryCount)
    {
        var categories = Enumerable.Range(0, categoryCount).Select(c => "k" + c).ToArray();
        var attributes = CustomerFrame.Create(["a", "b"], [new CategoryColumn("c", ["k2", null], categories)]);
        var frame = CustomerFrame.Create(["b", "x", "a"], []);

        var joined = frame.Join(attributes).GetCategory("c");

        Assert.Equal([-1, -1, 2], joined.Codes.ToArray());
        Assert.Equal(new string?[] { null, null, "k2" }, new[] { joined[0], joined[1], joined[2] });
    }
}
