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
}
