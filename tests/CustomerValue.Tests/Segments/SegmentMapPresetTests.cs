using Xunit;

namespace CustomerValue.Tests.Segments;

public sealed class SegmentMapPresetTests
{
    // GUIDE.md section 4, default R x FM grid, written out as (segment, R, FM).
    private static readonly (string Segment, int R, int Fm)[] DefaultGrid =
    [
        ("Champions", 5, 5), ("Champions", 5, 4), ("Champions", 4, 5),
        ("Loyal Customers", 5, 3), ("Loyal Customers", 4, 4), ("Loyal Customers", 3, 5), ("Loyal Customers", 3, 4),
        ("Potential Loyalists", 5, 2), ("Potential Loyalists", 4, 2), ("Potential Loyalists", 3, 3), ("Potential Loyalists", 4, 3),
        ("Recent Customers", 5, 1),
        ("Promising", 4, 1), ("Promising", 3, 1),
        ("Customers Needing Attention", 3, 2), ("Customers Needing Attention", 2, 3), ("Customers Needing Attention", 2, 2),
        ("About To Sleep", 2, 1),
        ("At Risk", 2, 5), ("At Risk", 2, 4), ("At Risk", 1, 3),
        ("Can't Lose Them", 1, 5), ("Can't Lose Them", 1, 4),
        ("Hibernating", 1, 2),
        ("Lost", 1, 1),
    ];

    // GUIDE.md section 4, PyMC-Marketing quartile preset.
    private static readonly (string Segment, string Codes)[] PyMcCodes =
    [
        ("Premium Customer", "334 443 444 344 434 433 343 333"),
        ("Repeat Customer", "244 234 232 332 143 233 243"),
        ("Top Spender", "424 414 144 314 324 124 224 423 413 133 323 313 134"),
        ("At Risk Customer", "422 223 212 122 222 132 322 312 412 123 214"),
        ("Inactive Customer", "411 111 113 114 112 211 311"),
    ];

    [Fact]
    public void Default_GuideTable_CoversEachOfThe25CellsOnce()
    {
        Assert.Equal(25, DefaultGrid.Select(c => (c.R, c.Fm)).Distinct().Count());
        Assert.Equal(5, SegmentMap.Default.Bins);
        Assert.Null(SegmentMap.Default.Fallback);
        Assert.Equal(DefaultGrid.Select(c => c.Segment).Distinct(), SegmentMap.Default.Segments);
        Assert.True(SegmentMap.Default.Validate().IsClean);
    }

    [Fact]
    public void Classify_DefaultEveryScoreCode_ReturnsSegmentOfItsGuideCell()
    {
        var segmentOf = DefaultGrid.ToDictionary(c => (c.R, c.Fm), c => c.Segment);
        for (var r = 1; r <= 5; r++)
        {
            for (var f = 1; f <= 5; f++)
            {
                for (var m = 1; m <= 5; m++)
                {
                    var fm = (int)Math.Floor(((f + m) / 2.0) + 0.5);
                    Assert.Equal(segmentOf[(r, fm)], SegmentMap.Default.Classify(r, f, m));
                }
            }
        }
    }

    [Theory]
    [InlineData(5, 4, 3, "Champions")] // FM = 3.5 rounds half up to 4
    [InlineData(5, 1, 2, "Potential Loyalists")] // FM = 1.5 -> 2
    [InlineData(5, 1, 1, "Recent Customers")]
    [InlineData(1, 2, 3, "At Risk")] // FM = 2.5 -> 3, not Hibernating (1, 2)
    public void Classify_DefaultHalfwayFm_RoundsHalfUp(int r, int f, int m, string expected)
        => Assert.Equal(expected, SegmentMap.Default.Classify(r, f, m));

    [Theory]
    [InlineData(5, 5, 5, "Champions")]
    [InlineData(1, 1, 1, "Lost")]
    [InlineData(5, 4, 5, "Potential Loyalist")]
    [InlineData(3, 3, 3, "Potential Loyalist")] // also inside Loyal Customers and Need Attention: first match wins
    [InlineData(2, 2, 2, "Loyal Customers")]
    [InlineData(4, 1, 3, "Promising")]
    [InlineData(5, 1, 1, "New Customers")]
    [InlineData(1, 3, 4, "Can't Lose Them")]
    [InlineData(1, 5, 5, "At Risk")]
    [InlineData(1, 3, 3, "Need Attention")]
    [InlineData(2, 1, 4, "About To Sleep")]
    [InlineData(1, 1, 3, "Lost")]
    [InlineData(2, 1, 5, "Others")]
    [InlineData(5, 5, 1, "Others")]
    public void Classify_RfmVignette_FirstMatchingRuleWins(int r, int f, int m, string expected)
        => Assert.Equal(expected, SegmentMap.RfmVignette.Classify(r, f, m));

    [Fact]
    public void RfmVignette_Shape_FiveBinsTenRulesAndOthers()
    {
        Assert.Equal(5, SegmentMap.RfmVignette.Bins);
        Assert.Equal("Others", SegmentMap.RfmVignette.Fallback);
        Assert.Equal(
            ["Champions", "Potential Loyalist", "Loyal Customers", "Promising", "New Customers", "Can't Lose Them", "At Risk", "Need Attention", "About To Sleep", "Lost", "Others"],
            SegmentMap.RfmVignette.Segments);
    }

    [Fact]
    public void Classify_PyMcQuartilesListedCodes_ReturnTheirSegment()
    {
        Assert.Equal(4, SegmentMap.PyMcQuartiles.Bins);
        Assert.Equal("Other", SegmentMap.PyMcQuartiles.Fallback);
        Assert.Equal([.. PyMcCodes.Select(s => s.Segment), "Other"], SegmentMap.PyMcQuartiles.Segments);
        foreach (var (segment, codes) in PyMcCodes)
        {
            foreach (var code in codes.Split(' '))
            {
                Assert.Equal(segment, SegmentMap.PyMcQuartiles.Classify(code[0] - '0', code[1] - '0', code[2] - '0'));
            }
        }
    }

    [Fact]
    public void Classify_PyMcQuartilesUnlistedCodes_ReturnOther()
    {
        var listed = PyMcCodes.SelectMany(s => s.Codes.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var unlisted = AllCodes(4).Where(code => !listed.Contains(code)).ToArray();

        Assert.Equal(64 - 46, unlisted.Length);
        Assert.All(unlisted, code => Assert.Equal("Other", SegmentMap.PyMcQuartiles.Classify(code[0] - '0', code[1] - '0', code[2] - '0')));
        Assert.Equal(unlisted, SegmentMap.PyMcQuartiles.Validate().UncoveredCells);
        Assert.Empty(SegmentMap.PyMcQuartiles.Validate().ShadowedRules);
    }

    private static IEnumerable<string> AllCodes(int bins) =>
        from r in Enumerable.Range(1, bins)
        from f in Enumerable.Range(1, bins)
        from m in Enumerable.Range(1, bins)
        select $"{r}{f}{m}";
}
