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

    private const int IndexBits = 14;

    private readonly double[] _values;
    private readonly long[] _below;
    private readonly long[] _ties;

    // A radix index over the order-preserving keys of the knots: _start[b] is the first knot whose key is at least the
    // lowest key of bucket b, so a look-up is one bucket computation and a search among the knots of one bucket.
    private readonly int[] _start;
    private readonly ulong _keyMin;
    private readonly int _shift;

    public PercentileTable(double[] values, long[] below, long[] ties, long count)
    {
        _values = values;
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
    }

    public long Count { get; }

    public IReadOnlyList<double> Values => _values;

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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double Percentile(double value)
    {
        var values = _values;
        if (value < values[0])
        {
            return 0;
        }

        if (value > values[^1])
        {
            return 1;
        }

        // Lower bound: the first knot >= value, which lies in this value's bucket or is the first knot of the next.
        var bucket = unchecked((int)((ValueHistogram.Key(value) - _keyMin) >> _shift));
        var lo = _start[bucket];
        var hi = Math.Min(_start[bucket + 1], values.Length - 1);
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (values[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (values[lo] == value)
        {
            return (_below[lo] + (_ties[lo] * 0.5)) / Count;
        }

        var a = lo - 1;
        var atOrBelowA = _below[a] + _ties[a];
        var between = _below[lo] - atOrBelowA;
        var fraction = (value - values[a]) / (values[lo] - values[a]);
        if (!(fraction > 0))
        {
            fraction = 0;
        }
        else if (fraction > 1)
        {
            fraction = 1;
        }

        return (atOrBelowA + (between * fraction)) / Count;
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
