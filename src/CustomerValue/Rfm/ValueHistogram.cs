using System.Diagnostics;
using System.Numerics;
using System.Runtime.Intrinsics;
using CustomerValue.Internal;

namespace CustomerValue.Rfm;

/// <summary>
/// The sorted distinct values of one column with their counts, built in O(n) without sorting the column. Cells are
/// contiguous, ascending ranges of values: an exact cell holds one distinct value; an inexact cell ("blob") holds a
/// radix bucket with at least two distinct values whose inner order is not known yet. Blobs are refined only where a
/// caller needs exact positions, so a column of 10M distinct doubles is never fully sorted.
/// </summary>
/// <remarks>
/// Two builders: small-range integer data (days, order counts) gets a counting array, so every cell is exact; any
/// other data is bucketed on an order-preserving 64-bit key of each double: each exponent class gets a number of
/// buckets in proportion to a strided sample, so buckets are narrow where the data is. Every bucket tracks its
/// smallest and largest key, so a bucket holding one distinct value (a heavy tie, such as many zero amounts) is exact
/// at once.
/// Bucket boundaries always fall between distinct values, so every cell boundary is a real cut candidate.
/// Large inputs are scanned, counted and refined as two halves in parallel (<see cref="Ranges"/>): a pass over 10M
/// doubles costs a few tens of milliseconds, which is most of an RFM fit.
/// </remarks>
internal sealed class ValueHistogram
{
    /// <summary>Integer data spanning at most this many values uses a counting array (4 MB).</summary>
    internal const int CountingRangeLimit = 1 << 20;

    private const int MaxBucketBits = 16;

    // The top 12 key bits (sign and exponent) form an ordered "class"; the low 52 order values within a class.
    private const int MantissaBits = 52;
    private const ulong MantissaMask = (1UL << MantissaBits) - 1;
    private const int SampleSize = 1 << 16;

    // Up to this many marked buckets, Refine scans the values by vectors against their key ranges.
    private const int MaxScannedRanges = 8;

    private readonly int[] _bucketCount;
    private readonly ulong[] _bucketMinKey;
    private readonly ulong[] _bucketMaxKey;
    private readonly int[] _classOffset;
    private readonly int[] _classShift;

    // Per refined bucket: start and length in _refinedKeys/_refinedCounts; length 0 = not refined.
    private readonly int[] _refinedStart;
    private readonly int[] _refinedLength;
    private ulong[] _refinedKeys = [];
    private int[] _refinedCounts = [];
    private int _refinedUsed;

    // The lower half's bucket counts when Build split the values into two parallel halves; null otherwise.
    private int[]? _lowerHalfCounts;

    private double[] _cellValue = [];
    private int[] _cellCount = [];
    private int[] _cellBucket = [];

    private ValueHistogram(int n, double min, double max, int[] counts, ulong[] minKeys, ulong[] maxKeys, int[] classOffset, int[] classShift)
    {
        Count = n;
        Min = min;
        Max = max;
        _bucketCount = counts;
        _bucketMinKey = minKeys;
        _bucketMaxKey = maxKeys;
        _classOffset = classOffset;
        _classShift = classShift;
        _refinedStart = new int[counts.Length];
        _refinedLength = new int[counts.Length];
    }

    /// <summary>Gets the number of values, n.</summary>
    public int Count { get; }

    /// <summary>Gets the smallest value.</summary>
    public double Min { get; }

    /// <summary>Gets the largest value.</summary>
    public double Max { get; }

    /// <summary>Gets the number of cells.</summary>
    public int CellCount { get; private set; }

    /// <summary>Gets the smallest value of each cell (the value itself for an exact cell).</summary>
    public ReadOnlySpan<double> CellValues => _cellValue.AsSpan(0, CellCount);

    /// <summary>Gets the number of values in each cell.</summary>
    public ReadOnlySpan<int> CellCounts => _cellCount.AsSpan(0, CellCount);

    /// <summary>Gets true when every cell is exact (one distinct value each).</summary>
    public bool IsExact { get; private set; }

    /// <summary>Returns true when cell <paramref name="cell"/> holds exactly one distinct value.</summary>
    public bool IsExactCell(int cell) => _cellBucket[cell] < 0;

    /// <summary>Builds the histogram of finite <paramref name="values"/> (at least one).</summary>
    /// <exception cref="NotFiniteException">A value is NaN or infinite (found by the first pass, which reads every value anyway).</exception>
    /// <param name="values">The values.</param>
    /// <param name="allowCounting">False forces the radix builder even for small-range integers (tests use it to
    /// exercise blobs and refinement on data with many ties).</param>
    /// <param name="maxBucketBits">The largest number of radix bucket bits (tests lower it to force blobs).</param>
    public static ValueHistogram Build(ReadOnlyMemory<double> values, bool allowCounting = true, int maxBucketBits = MaxBucketBits)
    {
        Debug.Assert(!values.IsEmpty, "The caller rejects empty input.");
        var n = values.Length;
        var scans = new (double Min, double Max, bool Integral, bool Finite)[2];
        Ranges.ForRanges(n, (start, end) => scans[start == 0 ? 0 : 1] = Scan(values.Span[start..end]));
        var (min, max, integral, finite) = Ranges.IsSplit(n)
            ? (Math.Min(scans[0].Min, scans[1].Min), Math.Max(scans[0].Max, scans[1].Max), scans[0].Integral && scans[1].Integral, scans[0].Finite && scans[1].Finite)
            : scans[0];
        if (!finite)
        {
            throw new NotFiniteException();
        }

        if (allowCounting && integral && max - min < CountingRangeLimit)
        {
            return BuildCounting(values, min, max);
        }

        var bits = Math.Clamp(BitLength((ulong)n) + 1, 4, maxBucketBits);
        var (classOffset, classShift, buckets) = Layout(values.Span, min, max, bits);
        var halves = new (int[] Counts, ulong[] MinKeys, ulong[] MaxKeys)[2];
        Ranges.ForRanges(n, (start, end) => halves[start == 0 ? 0 : 1] = CountBuckets(values.Span[start..end], classOffset, classShift, buckets));
        var (counts, minKeys, maxKeys) = halves[0];
        int[]? lowerHalfCounts = null;
        if (Ranges.IsSplit(n))
        {
            // Refine gathers each half into its own slice of a bucket, so it needs the lower half's counts.
            lowerHalfCounts = (int[])counts.Clone();
            var (upperCounts, upperMin, upperMax) = halves[1];
            for (var b = 0; b < buckets; b++)
            {
                counts[b] += upperCounts[b];
                minKeys[b] = Math.Min(minKeys[b], upperMin[b]);
                maxKeys[b] = Math.Max(maxKeys[b], upperMax[b]);
            }
        }

        var histogram = new ValueHistogram(n, min, max, counts, minKeys, maxKeys, classOffset, classShift) { _lowerHalfCounts = lowerHalfCounts };
        histogram.RebuildCells();
        return histogram;
    }

    /// <summary>
    /// Makes the marked blob cells exact with one more pass over <paramref name="values"/> (the same values the
    /// histogram was built from); the cell arrays are rebuilt.
    /// </summary>
    public void Refine(ReadOnlyMemory<double> values, ReadOnlySpan<bool> cellMarks)
    {
        Debug.Assert(values.Length == Count, "Refine sees the values the histogram was built from.");
        var marked = new bool[_bucketCount.Length];
        var lowerCursor = new int[_bucketCount.Length];
        var upperCursor = new int[_bucketCount.Length];
        var total = 0;
        for (var c = 0; c < CellCount; c++)
        {
            var b = _cellBucket[c];
            if (cellMarks[c] && b >= 0)
            {
                marked[b] = true;
                lowerCursor[b] = total;
                upperCursor[b] = total + (_lowerHalfCounts?[b] ?? 0);
                total = checked(total + _bucketCount[b]);
            }
        }

        if (total == 0)
        {
            return;
        }

        // Each half gathers into its own part of every marked bucket's slice; the slice is sorted next, so the result
        // does not depend on which half finishes first.
        var gathered = new ulong[total];
        var ranges = MarkedKeyRanges(marked);
        Ranges.ForRanges(Count, (start, end) => Gather(values.Span[start..end], marked, start == 0 ? lowerCursor : upperCursor, gathered, ranges));
        EnsureRefinedCapacity(total);
        var from = 0;
        for (var b = 0; b < marked.Length; b++)
        {
            if (!marked[b])
            {
                continue;
            }

            var slice = gathered.AsSpan(from, _bucketCount[b]);
            from += slice.Length;
            slice.Sort();
            _refinedStart[b] = _refinedUsed;
            var i = 0;
            while (i < slice.Length)
            {
                var j = i + 1;
                while (j < slice.Length && slice[j] == slice[i])
                {
                    j++;
                }

                _refinedKeys[_refinedUsed] = slice[i];
                _refinedCounts[_refinedUsed] = j - i;
                _refinedUsed++;
                i = j;
            }

            _refinedLength[b] = _refinedUsed - _refinedStart[b];
        }

        RebuildCells();
    }

    /// <summary>Maps a finite double to a key whose unsigned order is the numeric order (-0.0 and 0.0 share a key).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static ulong Key(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value + 0.0);
        return unchecked((ulong)(bits ^ ((bits >> 63) & long.MaxValue)) ^ 0x8000_0000_0000_0000UL);
    }

    /// <summary>The inverse of <see cref="Key(double)"/>.</summary>
    internal static double FromKey(ulong key)
    {
        var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key ^ 0x8000_0000_0000_0000UL : ~key;
        return BitConverter.Int64BitsToDouble(unchecked((long)bits));
    }

    // Min, max, whether every value is an integer and whether every value is finite (v - v is 0 only for finite v);
    // min and max mean nothing when a value is not finite.
    private static (double Min, double Max, bool Integral, bool Finite) Scan(ReadOnlySpan<double> values)
    {
        var min = values[0];
        var max = values[0];
        var integral = true;
        var finite = true;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<double>.Count)
        {
            var lanes = Vector<double>.Count;
            var vmin = new Vector<double>(values[..lanes]);
            var vmax = vmin;
            var whole = Vector<long>.AllBitsSet;
            var finiteLanes = Vector<long>.AllBitsSet;
            for (; i <= values.Length - lanes; i += lanes)
            {
                var v = new Vector<double>(values.Slice(i, lanes));
                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
                whole &= Vector.Equals(v, Vector.Floor(v));
                finiteLanes &= Vector.Equals(v - v, Vector<double>.Zero);
            }

            for (var lane = 0; lane < lanes; lane++)
            {
                min = Math.Min(min, vmin[lane]);
                max = Math.Max(max, vmax[lane]);
            }

            integral = whole == Vector<long>.AllBitsSet;
            finite = finiteLanes == Vector<long>.AllBitsSet;
        }

        for (; i < values.Length; i++)
        {
            var v = values[i];
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            integral &= v == Math.Floor(v);
            finite &= double.IsFinite(v);
        }

        // -0.0 and 0.0 are one value; keep the canonical zero so cells and thresholds never show -0.
        return (min + 0.0, max + 0.0, integral, finite);
    }

    private static (int[] Counts, ulong[] MinKeys, ulong[] MaxKeys) CountBuckets(ReadOnlySpan<double> values, int[] classOffset, int[] classShift, int buckets)
    {
        // Counted into one record per bucket, so a value touches one cache line rather than one in each of three arrays.
        var tally = new BucketTally[buckets];
        foreach (ref var bucket in tally.AsSpan())
        {
            bucket.MinKey = ulong.MaxValue;
        }

        unchecked
        {
            foreach (var v in values)
            {
                var key = Key(v);
                var e = (int)(key >> MantissaBits);
                ref var bucket = ref tally[classOffset[e] + (int)((key & MantissaMask) >> classShift[e])];
                bucket.Count++;
                if (key < bucket.MinKey)
                {
                    bucket.MinKey = key;
                }

                if (key > bucket.MaxKey)
                {
                    bucket.MaxKey = key;
                }
            }
        }

        var counts = new int[buckets];
        var minKeys = new ulong[buckets];
        var maxKeys = new ulong[buckets];
        for (var b = 0; b < buckets; b++)
        {
            (counts[b], minKeys[b], maxKeys[b]) = (tally[b].Count, tally[b].MinKey, tally[b].MaxKey);
        }

        return (counts, minKeys, maxKeys);
    }

    private struct BucketTally
    {
        public ulong MinKey;
        public ulong MaxKey;
        public int Count;
    }

    // The key ranges of the runs of marked buckets (empty buckets between them join a run), as (lowest key, width)
    // vectors, when there are few enough for the vector scan in Gather; otherwise null. Quantile cut points mark a
    // window of buckets around each of the k - 1 boundaries, so a handful of runs.
    private (Vector256<ulong> Low, Vector256<ulong> Width)[]? MarkedKeyRanges(bool[] marked)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return null;
        }

        var ranges = new List<(Vector256<ulong>, Vector256<ulong>)>();
        var (low, high, open) = (0UL, 0UL, false);
        for (var b = 0; b < marked.Length; b++)
        {
            if (_bucketCount[b] == 0)
            {
                continue;
            }

            if (!marked[b])
            {
                open = false;
                continue;
            }

            if (!open)
            {
                if (ranges.Count == MaxScannedRanges)
                {
                    return null;
                }

                (low, open) = (_bucketMinKey[b], true);
                ranges.Add(default);
            }

            high = _bucketMaxKey[b];
            ranges[^1] = (Vector256.Create(low), Vector256.Create(high - low));
        }

        return [.. ranges];
    }

    private void Gather(ReadOnlySpan<double> values, bool[] marked, int[] cursor, ulong[] gathered, (Vector256<ulong> Low, Vector256<ulong> Width)[]? ranges)
    {
        var i = 0;
        if (ranges is not null)
        {
            // A bucket's values are exactly the keys between its smallest and largest, so four values at a time are tested
            // against the marked ranges and only a group with a hit goes through the bucket look-up: the pass reads the
            // values at memory speed instead of computing every bucket.
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                if (AnyKeyIn(values.Slice(i, Vector256<double>.Count), ranges))
                {
                    GatherEach(values.Slice(i, Vector256<double>.Count), marked, cursor, gathered);
                }
            }
        }

        GatherEach(values[i..], marked, cursor, gathered);
    }

    /// <summary>
    /// Whether the <see cref="Key(double)"/> of any of the first four <paramref name="values"/> lies in one of the
    /// inclusive key ranges [Low, Low + Width]: the vector prefilter of passes that gather the values of a few buckets.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool AnyKeyIn(ReadOnlySpan<double> values, ReadOnlySpan<(Vector256<ulong> Low, Vector256<ulong> Width)> ranges)
    {
        var bits = (Vector256.Create(values) + Vector256<double>.Zero).AsInt64();
        var keys = (bits ^ (Vector256.ShiftRightArithmetic(bits, 63) & Vector256.Create(long.MaxValue))).AsUInt64() ^ Vector256.Create(0x8000_0000_0000_0000UL);
        var hit = Vector256<ulong>.Zero;
        foreach (var (low, width) in ranges)
        {
            hit |= Vector256.LessThanOrEqual(keys - low, width);
        }

        return hit != Vector256<ulong>.Zero;
    }

    private void GatherEach(ReadOnlySpan<double> values, bool[] marked, int[] cursor, ulong[] gathered)
    {
        unchecked
        {
            foreach (var v in values)
            {
                var key = Key(v);
                var e = (int)(key >> MantissaBits);
                var b = _classOffset[e] + (int)((key & MantissaMask) >> _classShift[e]);
                if (marked[b])
                {
                    gathered[cursor[b]++] = key;
                }
            }
        }
    }

    private static ValueHistogram BuildCounting(ReadOnlyMemory<double> values, double min, double max)
    {
        var range = (int)(max - min) + 1;
        var halves = new int[2][];
        Ranges.ForRanges(values.Length, (start, end) =>
        {
            var part = new int[range];
            unchecked
            {
                foreach (var v in values.Span[start..end])
                {
                    part[(int)(v - min)]++;
                }
            }

            halves[start == 0 ? 0 : 1] = part;
        });
        var counts = halves[0];
        if (halves[1] is { } upper)
        {
            for (var i = 0; i < range; i++)
            {
                counts[i] += upper[i];
            }
        }

        var histogram = new ValueHistogram(values.Length, min, max, [], [], [], [], []);
        var cells = 0;
        foreach (var c in counts)
        {
            cells += c > 0 ? 1 : 0;
        }

        histogram._cellValue = new double[cells];
        histogram._cellCount = new int[cells];
        histogram._cellBucket = new int[cells];
        histogram._cellBucket.AsSpan().Fill(-1);
        var cell = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                histogram._cellValue[cell] = min + i;
                histogram._cellCount[cell] = counts[i];
                cell++;
            }
        }

        histogram.CellCount = cells;
        histogram.IsExact = true;
        return histogram;
    }

    /// <summary>
    /// Spreads about 2^bits buckets over the exponent classes in proportion to a strided sample of the values (every
    /// class between the smallest and largest value gets at least one), so dense regions get narrow buckets whatever
    /// the spread of magnitudes: a column with zeros and amounts up to 10^4 would otherwise spend most buckets on the
    /// empty exponents between them.
    /// </summary>
    private static (int[] Offset, int[] Shift, int Buckets) Layout(ReadOnlySpan<double> values, double min, double max, int bits)
    {
        const int Classes = 1 << (64 - MantissaBits);
        var sample = new int[Classes];
        var stride = Math.Max(1, values.Length / SampleSize);
        var taken = 0;
        for (var i = 0; i < values.Length; i += stride)
        {
            sample[(int)(Key(values[i]) >> MantissaBits)]++;
            taken++;
        }

        var offset = new int[Classes];
        var shift = new int[Classes];
        var first = (int)(Key(min) >> MantissaBits);
        var last = (int)(Key(max) >> MantissaBits);
        var buckets = 0;
        for (var e = first; e <= last; e++)
        {
            var share = (double)sample[e] * (1L << bits) / taken;
            var classBits = share >= 2 ? Math.Min(MantissaBits, (int)Math.Log2(share)) : 0;
            offset[e] = buckets;
            shift[e] = MantissaBits - classBits;
            buckets = checked(buckets + (1 << classBits));
        }

        return (offset, shift, buckets);
    }

    private static int BitLength(ulong value) => 64 - BitOperations.LeadingZeroCount(value);

    private void EnsureRefinedCapacity(int extra)
    {
        var needed = checked(_refinedUsed + extra);
        if (needed > _refinedKeys.Length)
        {
            Array.Resize(ref _refinedKeys, needed);
            Array.Resize(ref _refinedCounts, needed);
        }
    }

    private void RebuildCells()
    {
        var cells = 0;
        for (var b = 0; b < _bucketCount.Length; b++)
        {
            if (_bucketCount[b] > 0)
            {
                cells += _refinedLength[b] > 0 ? _refinedLength[b] : 1;
            }
        }

        if (_cellValue.Length < cells)
        {
            _cellValue = new double[cells];
            _cellCount = new int[cells];
            _cellBucket = new int[cells];
        }

        var cell = 0;
        var exact = true;
        for (var b = 0; b < _bucketCount.Length; b++)
        {
            if (_bucketCount[b] == 0)
            {
                continue;
            }

            if (_refinedLength[b] > 0)
            {
                for (var r = _refinedStart[b]; r < _refinedStart[b] + _refinedLength[b]; r++)
                {
                    _cellValue[cell] = FromKey(_refinedKeys[r]);
                    _cellCount[cell] = _refinedCounts[r];
                    _cellBucket[cell] = -1;
                    cell++;
                }
            }
            else
            {
                var pure = _bucketMinKey[b] == _bucketMaxKey[b];
                exact &= pure;
                _cellValue[cell] = FromKey(_bucketMinKey[b]);
                _cellCount[cell] = _bucketCount[b];
                _cellBucket[cell] = pure ? -1 : b;
                cell++;
            }
        }

        CellCount = cells;
        IsExact = exact;
    }
}
