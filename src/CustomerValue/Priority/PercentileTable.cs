using CustomerValue.Rfm;

namespace CustomerValue.Priority;

/// <summary>
/// The frozen value distribution behind importance: up to <see cref="MaxKnots"/> exact points of the fitted population
/// (value, customers below it, customers equal to it). A value's percentile is its mid-rank, (below + ties / 2) / n;
/// between two knots it is interpolated linearly over the fitted customers strictly between them, so equal values
/// always share a percentile and a larger value never gets a smaller one. With at most <see cref="MaxKnots"/> distinct
/// fitted values every fitted value is a knot and the percentiles are exact mid-ranks.
/// </summary>
internal sealed class PercentileTable
{
    public const int MaxKnots = 1024;

    private const int IndexBits = 16;

    private readonly long[] _below;
    private readonly long[] _ties;

    // A radix index over the order-preserving keys of the knots: _start[b] is the first knot whose key is at least the
    // lowest key of bucket b, so a look-up is one bucket computation and a search among the knots of one bucket.
    private readonly int[] _start;
    private readonly ulong _keyMin;
    private readonly int _shift;

    // The search inside a bucket runs a fixed number of steps over a window of _window knots (the most any bucket holds,
    // plus the first knot of the next), so it has no data-dependent branch: scoring millions of customers mispredicted
    // about one branch in two otherwise. _knots is the knots' values padded with the largest one so the window stays in
    // bounds; _mid and _upTo are each knot's mid-rank and count at or below it, as doubles.
    private readonly double[] _knots;
    private readonly int _window;
    private readonly double[] _mid;
    private readonly double[] _upTo;

    public PercentileTable(double[] values, long[] below, long[] ties, long count)
    {
        _below = below;
        _ties = ties;
        Count = count;
        _keyMin = ValueHistogram.Key(values[0]);
        var span = ValueHistogram.Key(values[^1]) - _keyMin;
        _shift = Math.Max(0, 64 - System.Numerics.BitOperations.LeadingZeroCount(span) - IndexBits);
        var buckets = (int)(span >> _shift) + 2;
        _start = new int[buckets];
        var knot = 0;
        for (var b = 0; b < buckets; b++)
        {
            while (knot < values.Length && ((ValueHistogram.Key(values[knot]) - _keyMin) >> _shift) < (ulong)b)
            {
                knot++;
            }

            _start[b] = knot;
        }

        var window = 1;
        for (var b = 0; b + 1 < buckets; b++)
        {
            window = Math.Max(window, _start[b + 1] - _start[b] + 1);
        }

        _window = window;
        _knots = [.. values, .. Enumerable.Repeat(values[^1], window)];
        _mid = new double[values.Length];
        _upTo = new double[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            _mid[k] = below[k] + (ties[k] * 0.5);
            _upTo[k] = below[k] + ties[k];
        }
    }

    public long Count { get; }

    public IReadOnlyList<double> Values => new ArraySegment<double>(_knots, 0, _below.Length);

    public IReadOnlyList<long> Below => _below;

    public IReadOnlyList<long> Ties => _ties;

    /// <summary>Fits the table on finite <paramref name="values"/> (at least one) in O(n): a histogram, then one refinement pass over the cells that hold a knot.</summary>
    public static PercentileTable Fit(ReadOnlyMemory<double> values)
    {
        var histogram = ValueHistogram.Build(values);
        var n = (long)values.Length;
        if (!histogram.IsExact || histogram.CellCount > MaxKnots)
        {
            // Mark the cells holding evenly spaced ranks; refining makes exactly those cells exact.
            var marks = new bool[histogram.CellCount];
            ForEachKnotCell(histogram, n, (cell, _) => marks[cell] = true);
            histogram.Refine(values, marks);
        }

        var knots = new List<(double Value, long Below, long Ties)>(MaxKnots);
        if (histogram.CellCount <= MaxKnots)
        {
            var below = 0L;
            var counts = histogram.CellCounts;
            var cellValues = histogram.CellValues;
            for (var c = 0; c < histogram.CellCount; c++)
            {
                if (histogram.IsExactCell(c))
                {
                    knots.Add((cellValues[c], below, counts[c]));
                }

                below += counts[c];
            }
        }
        else
        {
            var cellValues = histogram.CellValues.ToArray();
            var counts = histogram.CellCounts.ToArray();
            var last = -1;
            ForEachKnotCell(histogram, n, (cell, below) =>
            {
                if (cell != last && histogram.IsExactCell(cell))
                {
                    knots.Add((cellValues[cell], below, counts[cell]));
                    last = cell;
                }
            });
        }

        return new PercentileTable(
            [.. knots.Select(k => k.Value)],
            [.. knots.Select(k => k.Below)],
            [.. knots.Select(k => k.Ties)],
            n);
    }

    /// <summary>Returns the percentile of <paramref name="value"/>, 0..1 (0 below the fitted minimum, 1 above the maximum).</summary>
    public double Percentile(double value)
    {
        var percentile = 0.0;
        Percentiles(new ReadOnlySpan<double>(in value), new Span<double>(ref percentile));
        return percentile;
    }

    /// <summary>Writes the percentile of each of <paramref name="values"/> to <paramref name="percentiles"/>, which is at least as long.</summary>
    // Compiled fully optimised at once, like the scoring loop that calls it per block (see FittedPriorityStage.ScoreRange).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Percentiles(ReadOnlySpan<double> values, Span<double> percentiles)
    {
        var (knots, start, mid, upTo, below) = (_knots, _start, _mid, _upTo, _below);
        var (first, last, keyMin, shift, window, count) = (knots[0], knots[below.Length - 1], _keyMin, _shift, _window, (double)Count);
        percentiles = percentiles[..values.Length];

        // Unchecked: the indexes stay within the padded arrays by construction, and overflow checks cost a third here.
        unchecked
        {
            for (var i = 0; i < values.Length; i++)
            {
                // Searched clamped into the fitted range; the ends are applied at the end, as selects rather than branches.
                var value = values[i];
                var x = double.MinNative(double.MaxNative(value, first), last);
                var at = start[(int)((ValueHistogram.Key(x) - keyMin) >> shift)];

                // Lower bound (the first knot >= x) over the fixed window from the bucket's first knot: it lies in the
                // bucket or is the first knot of the next, and every knot beyond is larger, so the wider window cannot
                // change the answer.
                for (var n = window; n > 1; n -= n >> 1)
                {
                    var half = n >> 1;
                    at = knots[at + half] < x ? at + half : at;
                }

                var lo = knots[at] < x ? at + 1 : at;

                // Between knots a and lo the fitted customers strictly between them are spread linearly; when x is a knot
                // its mid-rank is exact. Both are computed and one chosen (lo = 0 only when x is the first knot).
                var a = Math.Max(lo - 1, 0);
                var fraction = double.MinNative(double.MaxNative((x - knots[a]) / (knots[lo] - knots[a]), 0), 1);
                var between = upTo[a] + ((below[lo] - upTo[a]) * fraction);
                var percentile = (knots[lo] == x ? mid[lo] : between) / count;
                percentiles[i] = value < first ? 0 : value > last ? 1 : percentile;
            }
        }
    }

    // Calls back with the cell holding each of MaxKnots evenly spaced ranks 0..n-1 (ascending) and the count below that cell.
    private static void ForEachKnotCell(ValueHistogram histogram, long n, Action<int, long> visit)
    {
        var counts = histogram.CellCounts;
        var cell = 0;
        var below = 0L;
        for (var j = 0; j < MaxKnots; j++)
        {
            var rank = n == 1 ? 0 : (long)Math.Round(j * (double)(n - 1) / (MaxKnots - 1), MidpointRounding.AwayFromZero);
            while (below + counts[cell] <= rank)
            {
                below += counts[cell];
                cell++;
            }

            visit(cell, below);
        }
    }
}
