using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests.Segments;

/// <summary>A random first-match map: bins, rules (names from a small pool, so names repeat) and a fallback.</summary>
public sealed record RangesCase(int Bins, SegmentRule[] Rules, string Fallback)
{
    public SegmentMap Build() => SegmentMap.FromRanges(Bins, Rules, Fallback);
}

/// <summary>A random cell map: the owner (index into <see cref="SegmentGenerators.Names"/>, -1 for none) of every cell.</summary>
public sealed record CellsCase(int Bins, int Digits, int[] Owner, string Fallback)
{
    public SegmentCells[] Segments()
    {
        var cells = SegmentGenerators.Names.Select(_ => new List<string>()).ToArray();
        for (var cell = 0; cell < Owner.Length; cell++)
        {
            if (Owner[cell] >= 0)
            {
                cells[Owner[cell]].Add(Code(cell));
            }
        }

        return [.. SegmentGenerators.Names.Select((name, i) => new SegmentCells(name, cells[i])).Where(s => s.Cells.Count > 0)];
    }

    public string Code(int cell)
    {
        var digits = new char[Digits];
        for (var d = Digits - 1; d >= 0; d--)
        {
            digits[d] = (char)('1' + (cell % Bins));
            cell /= Bins;
        }

        return new string(digits);
    }
}

/// <summary>A random ranges map and score columns 0..k (0 = missing) of one length.</summary>
public sealed record AssignCase(RangesCase Map, byte[] R, byte[] F, byte[] M);

public static class SegmentGenerators
{
    public static readonly string[] Names = ["A", "B", "C", "D"];

    public static Arbitrary<RangesCase> Ranges() => RangesGen().ToArbitrary();

    public static Arbitrary<CellsCase> Cells() =>
        (from bins in Gen.Choose(2, 5)
         from digits in Gen.Elements(2, 3)
         from owner in Gen.Choose(-1, Names.Length - 1).ArrayOf(digits == 2 ? bins * bins : bins * bins * bins)
         from fallback in Gen.Elements("Other", "A")
         select new CellsCase(bins, digits, owner, fallback)).ToArbitrary();

    public static Arbitrary<AssignCase> Assign() =>
        (from map in RangesGen()
         from length in Gen.Choose(0, 300)
         from r in Score(map.Bins).ArrayOf(length)
         from f in Score(map.Bins).ArrayOf(length)
         from m in Score(map.Bins).ArrayOf(length)
         select new AssignCase(map, r, f, m)).ToArbitrary();

    private static Gen<byte> Score(int bins) => Gen.Choose(0, bins).Select(score => (byte)score);

    private static Gen<RangesCase> RangesGen() =>
        from bins in Gen.Choose(2, 6)
        from count in Gen.Choose(0, 8)
        from rules in Rule(bins).ArrayOf(count)
        from fallback in Gen.Elements("Others", "A")
        select new RangesCase(bins, rules, fallback);

    private static Gen<SegmentRule> Rule(int bins) =>
        from name in Gen.Elements(Names)
        from recency in Range(bins)
        from frequency in Range(bins)
        from monetary in Range(bins)
        select new SegmentRule(name, recency, frequency, monetary);

    private static Gen<ScoreRange> Range(int bins) =>
        from a in Gen.Choose(1, bins)
        from b in Gen.Choose(1, bins)
        select new ScoreRange(Math.Min(a, b), Math.Max(a, b));
}
