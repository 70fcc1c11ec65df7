namespace CustomerValue.Rfm;

/// <summary>
/// The optimal contiguous grouping of the sorted distinct values for <see cref="BinningMethod.BalancedQuantiles"/>.
/// </summary>
/// <remarks>
/// <para>Objective. With g groups of sizes s_j summing to n, sum_j (s_j - n/k)^2 = sum_j s_j^2 - 2(n/k)n + g(n/k)^2,
/// so minimising it means minimising the sum of squared group sizes: exact in 64-bit integers. Equal-cost groupings
/// are broken by the lexicographically smallest vector of cut positions (equivalently of group sizes), counted from
/// the smallest value up. Without ties the optimum has sizes floor(n/g) or ceil(n/g).</para>
/// <para>Where cuts can be. Moving one cut by a single distinct value must not lower the cost, which gives
/// s_j - s_(j+1) &lt;= (count of the value left of cut j) and s_(j+1) - s_j &lt;= (count of the value right of it).
/// If every value next to a cut has count &lt;= H, all group sizes are within (g-1)H of each other, so cut i lies
/// within min(i, g-i)(g-1)H positions of i*n/g. Only a value whose own window reaches its boundary can raise H.
/// Cells (radix buckets) that a window touches are refined; all others stay unsorted. Every optimal grouping lies
/// inside the windows, so the tie-break over the candidates equals the tie-break over all groupings.</para>
/// <para>Search. A suffix dynamic programme over the candidate positions of each cut; the cost (q - p)^2 is Monge, so
/// each layer uses the monotone-argmin divide and conquer, O(m log m). The cuts are then read forwards, taking at each
/// step the smallest position that keeps the optimum: the lexicographic tie-break.</para>
/// </remarks>
internal static class BalancedPartition
{
    /// <summary>
    /// Returns, for g groups (2 &lt;= g, at most the number of distinct values), the index of the first cell of groups
    /// 1..g-1 (its smallest value is the threshold); the histogram is refined as needed and the returned indices refer
    /// to its final cells.
    /// </summary>
    public static int[] ChooseCuts(ValueHistogram histogram, ReadOnlySpan<double> values, int groups)
    {
        var n = histogram.Count;
        long bound;
        while (true)
        {
            bound = TieBound(histogram, n, groups);
            var marks = new bool[histogram.CellCount];
            if (!MarkBlobs(histogram, n, groups, bound, marks))
            {
                break;
            }

            histogram.Refine(values, marks);
        }

        var layers = Candidates(histogram, n, groups, bound);
        return Solve(layers, n, groups);
    }

    /// <summary>The half-width of the window of cut i (1..g-1) for tie bound h.</summary>
    private static long Radius(int i, int groups, long h) => checked(Math.Min(i, groups - i) * (long)(groups - 1) * h);

    private static bool IntersectsWindow(long from, long to, long n, int groups, long h)
    {
        for (var i = 1; i < groups; i++)
        {
            var target = (long)i * n;
            var lo = ((target + groups - 1) / groups) - Radius(i, groups, h);
            var hi = (target / groups) + Radius(i, groups, h);
            if (Math.Max(from, lo) <= Math.Min(to, hi))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The largest count of an exact value with a boundary inside its own window (at least 1). Whether a value is
    /// dangerous does not depend on the bound itself, so one pass suffices: a value with a larger count whose boundaries
    /// lie outside its own window can never be next to an optimal cut.
    /// </summary>
    private static long TieBound(ValueHistogram histogram, long n, int groups)
    {
        var counts = histogram.CellCounts;
        long bound = 1;
        long start = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            long count = counts[c];
            var end = start + count;
            if (count > bound
                && histogram.IsExactCell(c)
                && (IntersectsWindow(start, start, n, groups, count) || IntersectsWindow(end, end, n, groups, count)))
            {
                bound = count;
            }

            start = end;
        }

        return bound;
    }

    /// <summary>
    /// Marks blobs that a window reaches: a cut may fall inside them, or they may hold a value above the bound. Marking
    /// assumes every marked blob could raise the bound to its own inner count, so one refinement round usually settles
    /// the bound (refining more than needed is always safe).
    /// </summary>
    private static bool MarkBlobs(ValueHistogram histogram, long n, int groups, long bound, Span<bool> marks)
    {
        var counts = histogram.CellCounts;
        var any = false;
        var reach = bound;
        bool grown;
        do
        {
            grown = false;
            long start = 0;
            for (var c = 0; c < counts.Length; c++)
            {
                long count = counts[c];
                var end = start + count;

                // A blob holds at least two distinct values, so none of them has more than count - 1 customers.
                var inner = count - 1;
                if (!marks[c]
                    && !histogram.IsExactCell(c)
                    && (IntersectsWindow(start + 1, end - 1, n, groups, reach)
                        || (inner > bound && IntersectsWindow(start, end, n, groups, inner))))
                {
                    marks[c] = true;
                    any = true;
                    if (inner > reach)
                    {
                        reach = inner;
                        grown = true;
                    }
                }

                start = end;
            }
        }
        while (grown);

        return any;
    }

    private static Layer[] Candidates(ValueHistogram histogram, long n, int groups, long bound)
    {
        var counts = histogram.CellCounts;
        var layers = new Layer[groups - 1];
        var positions = new List<long>();
        var cells = new List<int>();
        for (var i = 1; i < groups; i++)
        {
            var target = (long)i * n;
            var lo = Math.Max(1, ((target + groups - 1) / groups) - Radius(i, groups, bound));
            var hi = Math.Min(n - 1, (target / groups) + Radius(i, groups, bound));
            positions.Clear();
            cells.Clear();
            long start = 0;
            for (var c = 0; c < counts.Length && start <= hi; c++)
            {
                if (start >= lo)
                {
                    // Cell boundaries are always boundaries between distinct values, blobs included.
                    positions.Add(start);
                    cells.Add(c);
                }

                start += counts[c];
            }

            layers[i - 1] = new Layer([.. positions], [.. cells]);
        }

        return layers;
    }

    private static int[] Solve(Layer[] layers, long n, int groups)
    {
        // Keep only candidates that can be followed and preceded by the other cuts.
        for (var i = 1; i < layers.Length; i++)
        {
            layers[i] = layers[i].KeepAbove(layers[i - 1].Positions[0]);
        }

        for (var i = layers.Length - 2; i >= 0; i--)
        {
            layers[i] = layers[i].KeepBelow(layers[i + 1].Positions[^1]);
        }

        foreach (var layer in layers)
        {
            if (layer.Positions.Length == 0)
            {
                throw new InvalidOperationException("Balanced binning found no feasible cut candidates; this is a bug.");
            }
        }

        // suffix[i][j]: least sum of squared sizes of the groups after cut i placed at layers[i].Positions[j].
        var suffix = new long[layers.Length][];
        var last = layers[^1].Positions;
        suffix[^1] = new long[last.Length];
        for (var j = 0; j < last.Length; j++)
        {
            suffix[^1][j] = Square(n - last[j]);
        }

        for (var i = layers.Length - 2; i >= 0; i--)
        {
            suffix[i] = new long[layers[i].Positions.Length];
            SolveLayer(layers[i].Positions, suffix[i], layers[i + 1].Positions, suffix[i + 1], 0, suffix[i].Length - 1, 0, suffix[i + 1].Length - 1);
        }

        var remaining = long.MaxValue;
        var first = layers[0].Positions;
        for (var j = 0; j < first.Length; j++)
        {
            remaining = Math.Min(remaining, Square(first[j]) + suffix[0][j]);
        }

        var cuts = new int[groups - 1];
        long previous = 0;
        for (var i = 0; i < layers.Length; i++)
        {
            var positions = layers[i].Positions;
            var j = 0;
            while (positions[j] <= previous || Square(positions[j] - previous) + suffix[i][j] != remaining)
            {
                j++;
            }

            remaining = suffix[i][j];
            previous = positions[j];
            cuts[i] = layers[i].Cells[j];
        }

        return cuts;
    }

    /// <summary>Divide and conquer over rows lo..hi whose leftmost argmin lies in optLo..optHi (Monge cost).</summary>
    private static void SolveLayer(long[] rows, long[] rowValue, long[] columns, long[] columnValue, int lo, int hi, int optLo, int optHi)
    {
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var p = rows[mid];
            var from = optLo;
            while (columns[from] <= p)
            {
                from++;
            }

            var best = long.MaxValue;
            var bestColumn = from;
            for (var c = from; c <= optHi; c++)
            {
                var value = Square(columns[c] - p) + columnValue[c];
                if (value < best)
                {
                    best = value;
                    bestColumn = c;
                }
            }

            rowValue[mid] = best;
            SolveLayer(rows, rowValue, columns, columnValue, lo, mid - 1, optLo, bestColumn);
            lo = mid + 1;
            optLo = bestColumn;
        }
    }

    private static long Square(long x) => checked(x * x);

    private readonly record struct Layer(long[] Positions, int[] Cells)
    {
        public Layer KeepAbove(long position)
        {
            var from = 0;
            while (from < Positions.Length && Positions[from] <= position)
            {
                from++;
            }

            return new Layer(Positions[from..], Cells[from..]);
        }

        public Layer KeepBelow(long position)
        {
            var to = Positions.Length;
            while (to > 0 && Positions[to - 1] >= position)
            {
                to--;
            }

            return new Layer(Positions[..to], Cells[..to]);
        }
    }
}
