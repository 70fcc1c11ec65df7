using Xunit;

namespace CustomerValue.Tests.Segments;

public sealed class SegmentMapValidationTests
{
    private static readonly ScoreRange Any = new(1, 5);

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void FromRanges_BinsOutside2To9_Throws(int bins)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentMap.FromRanges(bins, [], "Others"));
        Assert.Equal("bins", error.ParamName);
        Assert.Contains("between 2 and 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRanges_BoundBelowOne_ThrowsNamingRuleAndValue()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRanges(5, [new("Lost", new(0, 1), Any, Any)], "Others"));
        Assert.Equal("rules", error.ParamName);
        Assert.Contains("rules[0] ('Lost'): Recency.Min must be between 1 and 5 (the map's bins); it was 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRanges_BoundAboveBins_ThrowsNamingRuleAndValue()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRanges(5, [new("A", Any, Any, Any), new("Big", Any, Any, new(4, 6))], "Others"));
        Assert.Contains("rules[1] ('Big'): Monetary.Max must be between 1 and 5 (the map's bins); it was 6.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRanges_MinAboveMax_ThrowsNamingBothBounds()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRanges(5, [new("A", Any, new(4, 2), Any)], "Others"));
        Assert.Contains("rules[0] ('A'): Frequency.Min must not exceed Frequency.Max; they were 4 and 2.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void FromRanges_BlankSegmentName_Throws(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRanges(5, [new("A", Any, Any, Any), new(name, Any, Any, Any)], "Others"));
        Assert.Contains("rules[1]: the segment name must be non-blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRanges_NullRange_ThrowsNamingDimension()
    {
        var error = Assert.Throws<ArgumentNullException>(() => SegmentMap.FromRanges(5, [new("A", Any, null!, Any)], "Others"));
        Assert.Contains("rules[0] ('A'): Frequency is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRanges_BlankFallback_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRanges(5, [new("A", Any, Any, Any)], " "));
        Assert.Equal("fallback", error.ParamName);
        Assert.Contains("non-blank segment name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRanges_NoFallbackAndUncoveredCells_ThrowsListingFirstCells()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRanges(5, [new("Top", new(2, 5), Any, Any)], fallback: null));
        Assert.Equal("fallback", error.ParamName);
        Assert.Contains("25 of 125 are uncovered: 111, 112, 113, 114, 115, 121, 122, 123, 124, 125, ...", error.Message, StringComparison.Ordinal);
        Assert.Contains("pass a fallback segment name to SegmentMap.FromRanges", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRanges_NoFallbackAndTotal_BuildsWithoutFallback()
    {
        var map = SegmentMap.FromRanges(2, [new("Top", new(2, 2), new(1, 2), new(1, 2)), new("Rest", new(1, 2), new(1, 2), new(1, 2))]);
        Assert.Null(map.Fallback);
        Assert.Equal(["Top", "Rest"], map.Segments);
        Assert.Equal("Rest", map.Classify(1, 2, 2));
    }

    [Theory]
    [InlineData("55", "cell '55' must be 3 digits (R F M), each 1..5; it has 2 characters.")]
    [InlineData("5555", "cell '5555' must be 3 digits (R F M), each 1..5; it has 4 characters.")]
    [InlineData("5a5", "cell '5a5' must be 3 digits (R F M), each 1..5; character 2 is 'a', not a digit.")]
    [InlineData("565", "cell '565' has score 6 for F; scores must be between 1 and 5 (the map's bins).")]
    [InlineData("055", "cell '055' has score 0 for R; scores must be between 1 and 5 (the map's bins).")]
    public void FromCodes_MalformedCode_ThrowsNamingSegmentAndCode(string code, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromCodes(5, [new("Top", "555"), new("Bad", "111", code)], "Other"));
        Assert.Equal("segments", error.ParamName);
        Assert.Contains("segments[1] ('Bad'): " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRecencyFmCells_ThreeDigitCell_ThrowsAskingForTwoDigits()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRecencyFmCells(5, [new("Top", "545")], "Other"));
        Assert.Contains("segments[0] ('Top'): cell '545' must be 2 digits (R FM), each 1..5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCodes_CodeListedTwice_ThrowsNamingBothSegments()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromCodes(4, [new("Top", "444", "443"), new("Next", "443")], "Other"));
        Assert.Contains("segments[1] ('Next') lists cell '443', which segments[0] ('Top') already lists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRecencyFmCells_CellListedTwiceBySameSegment_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRecencyFmCells(5, [new("Top", "55", "55")], "Other"));
        Assert.Contains("segments[0] ('Top') lists cell '55', which segments[0] ('Top') already lists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRecencyFmCells_NoFallbackAndGridNotCovered_ThrowsListingGridCells()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromRecencyFmCells(2, [new("Top", "22", "21", "12")]));
        Assert.Contains("must cover every (R, FM) cell, but 1 of 4 are uncovered: 11.", error.Message, StringComparison.Ordinal);
        Assert.Contains("SegmentMap.FromRecencyFmCells", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCodes_NoFallbackAndCodesMissing_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromCodes(2, [new("Top", "222", "111")]));
        Assert.Contains("6 of 8 are uncovered: 112, 121, 122, 211, 212, 221.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCodes_SegmentWithoutCells_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.FromCodes(2, [new("Top", "222"), new("Empty")], "Other"));
        Assert.Contains("segments[1] ('Empty') lists no cells", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCodes_RepeatedSegmentName_MergesIntoOneSegment()
    {
        var map = SegmentMap.FromCodes(2, [new("Top", "222"), new("Low", "111"), new("Top", "221")], "Other");
        Assert.Equal(["Top", "Low", "Other"], map.Segments);
        Assert.Equal("Top", map.Classify(2, 2, 1));
    }

    [Fact]
    public void SegmentCells_SourceListChangedAfterwards_KeepsItsCopy()
    {
        var codes = new List<string> { "222" };
        var cells = new SegmentCells("Top", codes);
        codes[0] = "111";
        Assert.Equal(["222"], cells.Cells);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 6, 1)]
    [InlineData(1, 1, -1)]
    public void Classify_ScoreOutside1ToBins_Throws(int r, int f, int m)
        => Assert.Throws<ArgumentOutOfRangeException>(() => SegmentMap.Default.Classify(r, f, m));

    [Fact]
    public void Assign_ScoreAboveBins_ThrowsNamingIndexAndValue()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SegmentMap.Default.Assign([1, 2], [1, 6], [1, 1], new int[2]));
        Assert.Equal("f", error.ParamName);
        Assert.Contains("the score at index 1 was 6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_LengthsDiffer_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => SegmentMap.Default.Assign([1, 2], [1, 2], [1], new int[2]));
        Assert.Contains("they were 2, 2, 1 and 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RfmVignette_ReportsUncoveredCellsAndPartlyShadowedRulesButNoDeadRule()
    {
        var validation = SegmentMap.RfmVignette.Validate();

        Assert.False(validation.IsTotal);
        Assert.Equal(["215", "241", "251", "252", "341", "351", "441", "451", "541", "551"], validation.UncoveredCells);
        Assert.Empty(validation.ShadowedRules);
        Assert.Empty(validation.UnreachableSegments);
        Assert.Equal(
            [
                (1, 36, 35, "0"), (2, 27, 15, "1"), (3, 18, 8, "1 2"), (4, 30, 15, "1 2 3"), (5, 8, 6, "2"),
                (6, 16, 7, "2 5"), (7, 27, 4, "1 2 5 6"), (8, 24, 10, "1 2 3"), (9, 25, 14, "5 6 7"),
            ],
            validation.PartlyShadowedRules.Select(s => (s.RuleIndex, s.MatchingCells, s.ReachableCells, string.Join(' ', s.ShadowedBy))));
    }

    [Fact]
    public void Validate_DefaultAndPyMc_NoShadowingDefaultTotal()
    {
        Assert.True(SegmentMap.Default.Validate().IsClean);
        Assert.Equal("The map is total and no rule is shadowed.", SegmentMap.Default.Validate().ToString());
        var pymc = SegmentMap.PyMcQuartiles.Validate();
        Assert.Equal(18, pymc.UncoveredCells.Count);
        Assert.Empty(pymc.PartlyShadowedRules);
        Assert.Empty(pymc.UnreachableSegments);
    }

    [Fact]
    public void Validate_RuleBehindBroaderRule_ReportsItShadowedAndItsSegmentUnreachable()
    {
        // R rfm #56/#67: a specific rule listed after a broader one never fires.
        var map = SegmentMap.FromRanges(
            5,
            [new("Loyal", new(3, 5), new(3, 5), Any), new("Champions", new(5, 5), new(5, 5), new(5, 5)), new("Rest", Any, Any, Any)]);

        var validation = map.Validate();

        var shadowed = Assert.Single(validation.ShadowedRules);
        Assert.Equal((1, 1, 0, "0"), (shadowed.RuleIndex, shadowed.MatchingCells, shadowed.ReachableCells, string.Join(' ', shadowed.ShadowedBy)));
        Assert.Equal(["Champions"], validation.UnreachableSegments);
        Assert.True(validation.IsTotal);
        Assert.Contains("Shadowed completely: rules[1] ('Champions') reaches 0 of its 1 cells; taken by rules 0.", validation.ToString(), StringComparison.Ordinal);
    }
}
