using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Data;

public sealed class FlagsColumnTests
{
    [Fact]
    public void FormatValue_SetBits_JoinsNamesInFlagOrder()
    {
        var column = new FlagsColumn("why", ["few orders", "inactive", "complaints"], [0b101UL, 0UL]);

        Assert.Equal("few orders; complaints", column.FormatValue(0));
        Assert.Equal(string.Empty, column.FormatValue(1));
        Assert.Equal(["few orders", "complaints"], column.GetNames(0));
    }

    [Fact]
    public void Constructor_BitWithoutName_Throws()
        => Assert.Throws<ArgumentException>(() => new FlagsColumn("why", ["a"], [0b10UL]));

    [Fact]
    public void Constructor_RepeatedName_Throws()
        => Assert.Throws<ArgumentException>(() => new FlagsColumn("why", ["a", "a"], [1UL]));

    [Property(MaxTest = 100)]
    public Property Accessors_AnyWidth_ReadTheSetsGiven()
        => Prop.ForAll(Gen.Choose(1, 64).ToArbitrary(), Gen.Choose(0, int.MaxValue).ArrayOf().ToArbitrary(), (flagCount, raw) =>
        {
            var allowed = flagCount == 64 ? ulong.MaxValue : (1UL << flagCount) - 1;
            var sets = raw.Select(x => unchecked((ulong)x * 0x9E3779B97F4A7C15UL) & allowed).ToArray();
            var column = new FlagsColumn("f", Enumerable.Range(0, flagCount).Select(i => "n" + i), sets);

            Assert.Equal(sets, column.Bits.ToArray());
            Assert.Equal(sets, Enumerable.Range(0, sets.Length).Select(i => column[i]));
            Assert.Equal(sets.Select(s => System.Numerics.BitOperations.PopCount(s)), Enumerable.Range(0, sets.Length).Select(i => column.GetNames(i).Count));
        });

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    [InlineData(40)]
    public void Join_MissingCustomers_GetEmptySetsInEveryWidth(int flagCount)
    {
        var names = Enumerable.Range(0, flagCount).Select(i => "n" + i).ToArray();
        var top = 1UL << (flagCount - 1);
        var attributes = CustomerFrame.Create(["a", "b"], [new FlagsColumn("f", names, [top | 1, 0])]);

        var joined = CustomerFrame.Create(["b", "x", "a"], []).Join(attributes)["f"] as FlagsColumn;

        Assert.Equal([0UL, 0UL, top | 1], joined!.Bits.ToArray());
    }
}
