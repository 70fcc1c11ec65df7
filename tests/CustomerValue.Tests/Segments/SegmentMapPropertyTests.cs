using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Segments;

public sealed class SegmentMapPropertyTests
{
    [Property(Arbitrary = [typeof(SegmentGenerators)])]
    public void Lookup_EveryCellOfMapWithFallback_GetsExactlyOneDeclaredSegment(RangesCase test)
    {
        var map = test.Build();
        foreach (var (r, f, m) in Cells(map.Bins))
        {
            var index = map.Lookup(r, f, m);
            Assert.InRange(index, 0, map.Segments.Count - 1);
            Assert.Equal(map.Segments[index], map.Classify(r, f, m));
        }

        Assert.Equal(map.Segments.Count, map.Segments.Distinct(StringComparer.Ordinal).Count());
    }

    [Property(Arbitrary = [typeof(SegmentGenerators)])]
    public void Classify_RandomRuleList_EqualsNaiveFirstMatch(RangesCase test)
    {
        var map = test.Build();
        foreach (var (r, f, m) in Cells(test.Bins))
        {
            Assert.Equal(NaiveFirstMatch(test.Rules, r, f, m) is { } i ? test.Rules[i].Segment : test.Fallback, map.Classify(r, f, m));
        }
    }

    [Property(Arbitrary = [typeof(SegmentGenerators)])]
    public void Validate_RandomRuleList_MatchesNaiveCoverageAndShadowing(RangesCase test)
    {
        var validation = test.Build().Validate();
        var owners = Cells(test.Bins).Select(c => (Code: $"{c.R}{c.F}{c.M}", Owner: NaiveFirstMatch(test.Rules, c.R, c.F, c.M))).ToArray();

        Assert.Equal(owners.Where(c => c.Owner is null).Select(c => c.Code), validation.UncoveredCells);
        var reached = owners.Where(c => c.Owner is not null).Select(c => c.Owner!.Value).ToHashSet();
        Assert.Equal(
            Enumerable.Range(0, test.Rules.Length).Where(i => !reached.Contains(i)),
            validation.ShadowedRules.Select(s => s.RuleIndex));
        foreach (var partly in validation.PartlyShadowedRules)
        {
            Assert.InRange(partly.ReachableCells, 1, partly.MatchingCells - 1);
            Assert.All(partly.ShadowedBy, by => Assert.InRange(by, 0, partly.RuleIndex - 1));
        }

        var reachedNames = reached.Select(i => test.Rules[i].Segment).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            test.Rules.Select(rule => rule.Segment).Distinct(StringComparer.Ordinal).Where(name => !reachedNames.Contains(name)),
            validation.UnreachableSegments);
    }

    [Property(Arbitrary = [typeof(SegmentGenerators)])]
    public void Classify_RandomCellMap_ReturnsOwnerOfCellOrFallback(CellsCase test)
    {
        var map = test.Digits == 2
            ? SegmentMap.FromRecencyFmCells(test.Bins, test.Segments(), test.Fallback)
            : SegmentMap.FromCodes(test.Bins, test.Segments(), test.Fallback);
        foreach (var (r, f, m) in Cells(test.Bins))
        {
            var cell = test.Digits == 2
                ? ((r - 1) * test.Bins) + ((f + m + 1) / 2) - 1
                : ((((r - 1) * test.Bins) + f - 1) * test.Bins) + m - 1;
            var owner = test.Owner[cell];
            Assert.Equal(owner < 0 ? test.Fallback : SegmentGenerators.Names[owner], map.Classify(r, f, m));
        }
    }

    [Property(Arbitrary = [typeof(SegmentGenerators)])]
    public void Assign_RandomScores_EqualsClassifyAndMinusOneWhenMissing(AssignCase test)
    {
        var map = test.Map.Build();
        var codes = new int[test.R.Length];
        map.Assign(test.R, test.F, test.M, codes);
        for (var i = 0; i < codes.Length; i++)
        {
            var missing = test.R[i] == 0 || test.F[i] == 0 || test.M[i] == 0;
            Assert.Equal(missing ? -1 : map.Segments.ToList().IndexOf(map.Classify(test.R[i], test.F[i], test.M[i])), codes[i]);
        }
    }

    private static int? NaiveFirstMatch(SegmentRule[] rules, int r, int f, int m)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (rule.Recency.Min <= r && r <= rule.Recency.Max
                && rule.Frequency.Min <= f && f <= rule.Frequency.Max
                && rule.Monetary.Min <= m && m <= rule.Monetary.Max)
            {
                return i;
            }
        }

        return null;
    }

    private static IEnumerable<(int R, int F, int M)> Cells(int bins) =>
        from r in Enumerable.Range(1, bins)
        from f in Enumerable.Range(1, bins)
        from m in Enumerable.Range(1, bins)
        select (r, f, m);
}
