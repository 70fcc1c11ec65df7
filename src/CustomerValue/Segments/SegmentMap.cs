using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// Turns R, F, M scores (each 1..<see cref="Bins"/>) into a named segment. Three kinds of map are offered:
/// an R x FM cell grid (<see cref="FromRecencyFmCells"/>), explicit three-digit codes (<see cref="FromCodes"/>)
/// and first-match score ranges (<see cref="FromRanges"/>), plus the presets <see cref="Default"/>,
/// <see cref="RfmVignette"/> and <see cref="PyMcQuartiles"/>. Immutable.
/// </summary>
/// <remarks>
/// Cells no rule covers get the <see cref="Fallback"/>; a map without a fallback must cover every cell, which
/// is checked when it is built. <see cref="Validate"/> reports uncovered cells and shadowed rules.
/// </remarks>
public sealed partial class SegmentMap
{
    // The lookup table packs each score into 4 bits (k <= 9 < 16), so a customer costs one array read.
    private const int RecencyShift = 8;
    private const int FrequencyShift = 4;
    private const int MaxBins = 9;
    private const int UncoveredShown = 10;

    private readonly string[] _segments;
    private readonly int[] _table;

    // The table as narrow category codes (code + 1, 0 = missing), when the segments fit a byte.
    private readonly byte[]? _narrowTable;
    private readonly int[] _entryOfCell;
    private readonly int[] _segmentOfEntry;
    private readonly SegmentRule[]? _rules;

    private SegmentMap(int bins, string[] segments, string? fallback, int[] entryOfCell, int[] segmentOfEntry, SegmentRule[]? rules)
    {
        Bins = bins;
        _segments = segments;
        Fallback = fallback;
        _entryOfCell = entryOfCell;
        _segmentOfEntry = segmentOfEntry;
        _rules = rules;
        var fallbackIndex = fallback is null ? -1 : Array.IndexOf(segments, fallback);

        // Entries with a zero (missing) score stay -1, the missing code of a CategoryColumn.
        _table = new int[Pack(bins, bins, bins) + 1];
        Array.Fill(_table, -1);
        var cell = 0;
        for (var r = 1; r <= bins; r++)
        {
            for (var f = 1; f <= bins; f++)
            {
                for (var m = 1; m <= bins; m++)
                {
                    var entry = entryOfCell[cell++];
                    _table[Pack(r, f, m)] = entry < 0 ? fallbackIndex : segmentOfEntry[entry];
                }
            }
        }

        _narrowTable = segments.Length <= CategoryColumn.MaxNarrowCategories ? CategoryColumn.Narrow(_table) : null;
    }

    /// <summary>Gets the largest score, k (2..9).</summary>
    public int Bins { get; }

    /// <summary>Gets the segment names: the declared ones in order of first appearance, then the fallback if it is not among them.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Gets the segment that uncovered cells get, or <see langword="null"/> when the map is total.</summary>
    public string? Fallback { get; }

    /// <summary>
    /// Builds a map over the R x FM grid, where FM = round-half-up((F + M) / 2) = (F + M + 1) / 2 in integers.
    /// Each cell is two digits "R FM", e.g. "54" for R = 5 and FM = 4; a cell belongs to one segment.
    /// </summary>
    /// <param name="bins">The largest score, k (2..9).</param>
    /// <param name="segments">The segments and their cells, in order; a name may appear more than once.</param>
    /// <param name="fallback">The segment for cells not listed, or <see langword="null"/> to require every cell of the grid to be listed.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is outside 2..9.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">A name is blank, a segment lists no cells, a cell is malformed or outside 1..k, a cell is listed twice, or the grid is not covered and there is no fallback.</exception>
    public static SegmentMap FromRecencyFmCells(int bins, IEnumerable<SegmentCells> segments, string? fallback = null)
    {
        Guard.InRange(bins, 2, MaxBins);
        var entries = CheckEntries(segments, fallback);
        var entryOfGridCell = MapCells(bins, entries, digits: 2, "R FM", nameof(segments));
        if (fallback is null)
        {
            ThrowIfUncovered(entryOfGridCell, bins, 2, "(R, FM)", nameof(FromRecencyFmCells), nameof(fallback));
        }

        var entryOfCell = new int[bins * bins * bins];
        var cell = 0;
        for (var r = 1; r <= bins; r++)
        {
            for (var f = 1; f <= bins; f++)
            {
                for (var m = 1; m <= bins; m++)
                {
                    var fm = (f + m + 1) / 2;
                    entryOfCell[cell++] = entryOfGridCell[((r - 1) * bins) + fm - 1];
                }
            }
        }

        return Create(bins, Array.ConvertAll(entries, entry => entry.Segment), fallback, entryOfCell, rules: null);
    }

    /// <summary>
    /// Builds a map from explicit codes: three digits "R F M" such as "545"; a code belongs to one segment.
    /// </summary>
    /// <param name="bins">The largest score, k (2..9).</param>
    /// <param name="segments">The segments and their codes, in order; a name may appear more than once.</param>
    /// <param name="fallback">The segment for codes not listed, or <see langword="null"/> to require all k^3 codes to be listed.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is outside 2..9.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">A name is blank, a segment lists no codes, a code is malformed or has a score outside 1..k, a code is listed twice, or not every code is listed and there is no fallback.</exception>
    public static SegmentMap FromCodes(int bins, IEnumerable<SegmentCells> segments, string? fallback = null)
    {
        Guard.InRange(bins, 2, MaxBins);
        var entries = CheckEntries(segments, fallback);
        var entryOfCell = MapCells(bins, entries, digits: 3, "R F M", nameof(segments));
        if (fallback is null)
        {
            ThrowIfUncovered(entryOfCell, bins, 3, "(R, F, M)", nameof(FromCodes), nameof(fallback));
        }

        return Create(bins, Array.ConvertAll(entries, entry => entry.Segment), fallback, entryOfCell, rules: null);
    }

    /// <summary>
    /// Builds a first-match map: a customer gets the segment of the first rule whose three inclusive ranges
    /// contain its scores, or the fallback when no rule matches (R <c>rfm</c> semantics).
    /// </summary>
    /// <param name="bins">The largest score, k (2..9).</param>
    /// <param name="rules">The rules, in priority order; several rules may name the same segment.</param>
    /// <param name="fallback">The segment for customers no rule matches, or <see langword="null"/> to require the rules to cover every cell.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is outside 2..9.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/>, a rule or one of its ranges is null.</exception>
    /// <exception cref="ArgumentException">A name is blank, a bound is outside 1..k, a range has Min &gt; Max, or the rules leave cells uncovered and there is no fallback.</exception>
    public static SegmentMap FromRanges(int bins, IEnumerable<SegmentRule> rules, string? fallback = null)
    {
        Guard.InRange(bins, 2, MaxBins);
        CheckFallback(fallback);
        var list = Guard.NotNull(rules).ToArray();
        for (var i = 0; i < list.Length; i++)
        {
            CheckRule(list[i], i, bins, nameof(rules));
        }

        var entryOfCell = new int[bins * bins * bins];
        var cell = 0;
        for (var r = 1; r <= bins; r++)
        {
            for (var f = 1; f <= bins; f++)
            {
                for (var m = 1; m <= bins; m++)
                {
                    entryOfCell[cell++] = FirstMatch(list, r, f, m);
                }
            }
        }

        if (fallback is null)
        {
            ThrowIfUncovered(entryOfCell, bins, 3, "(R, F, M)", nameof(FromRanges), nameof(fallback));
        }

        return Create(bins, Array.ConvertAll(list, rule => rule.Segment), fallback, entryOfCell, list);
    }

    /// <summary>Gets the segment of a customer with the given scores.</summary>
    /// <param name="recency">The recency score, 1..k.</param>
    /// <param name="frequency">The frequency score, 1..k.</param>
    /// <param name="monetary">The monetary score, 1..k.</param>
    /// <returns>The segment name (the fallback when no rule covers the scores).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1..<see cref="Bins"/>.</exception>
    public string Classify(int recency, int frequency, int monetary)
    {
        Guard.InRange(recency, 1, Bins);
        Guard.InRange(frequency, 1, Bins);
        Guard.InRange(monetary, 1, Bins);
        return _segments[_table[Pack(recency, frequency, monetary)]];
    }

    /// <summary>
    /// Reports the cells no rule covers (they get the fallback) and, for ranges maps, the rules that earlier
    /// rules shadow completely or partly, and the segments left without any cell.
    /// </summary>
    /// <returns>The findings.</returns>
    public SegmentMapValidation Validate()
    {
        var uncovered = new List<string>();
        var segmentUsed = new bool[_segments.Length];
        for (var cell = 0; cell < _entryOfCell.Length; cell++)
        {
            var entry = _entryOfCell[cell];
            if (entry < 0)
            {
                uncovered.Add(CellCode(cell, Bins, 3));
            }
            else
            {
                segmentUsed[_segmentOfEntry[entry]] = true;
            }
        }

        var unreachable = new List<string>();
        foreach (var segment in _segmentOfEntry.Distinct())
        {
            if (!segmentUsed[segment])
            {
                unreachable.Add(_segments[segment]);
            }
        }

        var shadowed = new List<ShadowedRule>();
        var partly = new List<ShadowedRule>();
        for (var i = 0; _rules is not null && i < _rules.Length; i++)
        {
            var finding = Shadowing(i);
            if (finding.ReachableCells == 0)
            {
                shadowed.Add(finding);
            }
            else if (finding.ReachableCells < finding.MatchingCells)
            {
                partly.Add(finding);
            }
        }

        return new SegmentMapValidation([.. uncovered], [.. shadowed], [.. partly], [.. unreachable]);
    }

    /// <summary>Gets the index into <see cref="Segments"/> for scores 0..k, or -1 when any score is 0 (missing).</summary>
    internal int Lookup(int r, int f, int m)
    {
        if ((uint)r > (uint)Bins || (uint)f > (uint)Bins || (uint)m > (uint)Bins)
        {
            throw new ArgumentOutOfRangeException(
                nameof(r),
                Guard.Invariant($"Scores must be between 0 (missing) and {Bins}; they were R = {r}, F = {f}, M = {m}."));
        }

        return _table[Pack(r, f, m)];
    }

    /// <summary>Assigns the segment column of customers with scores r, f, m: narrow codes when the segments fit a byte.</summary>
    internal CategoryColumn Assign(string name, ScoreColumn r, ScoreColumn f, ScoreColumn m)
    {
        var n = r.Length;
        if (_narrowTable is { } narrow)
        {
            var codes = GC.AllocateUninitializedArray<byte>(n);
            Ranges.ForBlocks(n, (start, end) => Lookup(r.Values[start..end], f.Values[start..end], m.Values[start..end], codes.AsSpan(start, end - start), narrow));
            return new CategoryColumn(name, _segments, codes);
        }

        var wide = GC.AllocateUninitializedArray<int>(n);
        Ranges.ForBlocks(n, (start, end) => Assign(r.Values[start..end], f.Values[start..end], m.Values[start..end], wide.AsSpan(start, end - start)));
        return new CategoryColumn(name, _segments, wide);
    }

    /// <summary>
    /// Writes each customer's index into <see cref="Segments"/> (-1 when a score is 0, missing) to
    /// <paramref name="segmentCodes"/>. Allocation-free: one table read per customer.
    /// </summary>
    internal void Assign(ReadOnlySpan<byte> r, ReadOnlySpan<byte> f, ReadOnlySpan<byte> m, Span<int> segmentCodes)
        => Lookup(r, f, m, segmentCodes, _table);

    private void Lookup<T>(ReadOnlySpan<byte> r, ReadOnlySpan<byte> f, ReadOnlySpan<byte> m, Span<T> segmentCodes, T[] lookup)
        where T : unmanaged
    {
        if (f.Length != r.Length || m.Length != r.Length || segmentCodes.Length != r.Length)
        {
            throw new ArgumentException(
                Guard.Invariant($"The R, F, M and segment-code spans must have the same length; they were {r.Length}, {f.Length}, {m.Length} and {segmentCodes.Length}."),
                nameof(segmentCodes));
        }

        // One vectorised scan per column keeps out-of-range scores from aliasing other table entries.
        ThrowIfAboveBins(r, nameof(r), "R");
        ThrowIfAboveBins(f, nameof(f), "F");
        ThrowIfAboveBins(m, nameof(m), "M");
        // The checks above bound every index by Pack(Bins, Bins, Bins) < _table.Length and every span by
        // r.Length, so the loop can skip the four bounds checks per customer that otherwise dominate it.
        ref var table = ref MemoryMarshal.GetArrayDataReference(lookup);
        ref var recency = ref MemoryMarshal.GetReference(r);
        ref var frequency = ref MemoryMarshal.GetReference(f);
        ref var monetary = ref MemoryMarshal.GetReference(m);
        ref var codes = ref MemoryMarshal.GetReference(segmentCodes);
        for (nint i = 0; i < r.Length; i++)
        {
            var index = (Unsafe.Add(ref recency, i) << RecencyShift) | (Unsafe.Add(ref frequency, i) << FrequencyShift) | Unsafe.Add(ref monetary, i);
            Unsafe.Add(ref codes, i) = Unsafe.Add(ref table, index);
        }
    }

    private static int Pack(int r, int f, int m) => (r << RecencyShift) | (f << FrequencyShift) | m;

    private static string CellCode(int cell, int bins, int digits)
    {
        Span<char> code = stackalloc char[digits];
        for (var d = digits - 1; d >= 0; d--)
        {
            code[d] = (char)('1' + (cell % bins));
            cell /= bins;
        }

        return new string(code);
    }

    private static int FirstMatch(SegmentRule[] rules, int r, int f, int m)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            if (rules[i].Matches(r, f, m))
            {
                return i;
            }
        }

        return -1;
    }

    private static SegmentMap Create(int bins, string[] entrySegments, string? fallback, int[] entryOfCell, SegmentRule[]? rules)
    {
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var segmentOfEntry = new int[entrySegments.Length];
        for (var i = 0; i < entrySegments.Length; i++)
        {
            segmentOfEntry[i] = IndexOf(entrySegments[i]);
        }

        if (fallback is not null)
        {
            IndexOf(fallback);
        }

        return new SegmentMap(bins, [.. names], fallback, entryOfCell, segmentOfEntry, rules);

        int IndexOf(string name)
        {
            if (!index.TryGetValue(name, out var i))
            {
                i = names.Count;
                index.Add(name, i);
                names.Add(name);
            }

            return i;
        }
    }

    private ShadowedRule Shadowing(int ruleIndex)
    {
        var rule = _rules![ruleIndex];
        var reachable = 0;
        var matching = 0;
        var by = new SortedSet<int>();
        for (var r = rule.Recency.Min; r <= rule.Recency.Max; r++)
        {
            for (var f = rule.Frequency.Min; f <= rule.Frequency.Max; f++)
            {
                for (var m = rule.Monetary.Min; m <= rule.Monetary.Max; m++)
                {
                    matching++;
                    var entry = _entryOfCell[((((r - 1) * Bins) + f - 1) * Bins) + m - 1];
                    if (entry == ruleIndex)
                    {
                        reachable++;
                    }
                    else
                    {
                        by.Add(entry);
                    }
                }
            }
        }

        return new ShadowedRule(ruleIndex, rule, matching, reachable, [.. by]);
    }

    private void ThrowIfAboveBins(ReadOnlySpan<byte> scores, string parameter, string dimension)
    {
        var at = scores.IndexOfAnyInRange((byte)(Bins + 1), byte.MaxValue);
        if (at >= 0)
        {
            throw new ArgumentOutOfRangeException(
                parameter,
                Guard.Invariant($"{dimension} scores must be between 0 (missing) and {Bins} (the map's bins); the score at index {at} was {scores[at]}."));
        }
    }
}
