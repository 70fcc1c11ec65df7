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
/// Call a value heavy when its count exceeds a light bound L (at most <see cref="MaxHeavyValues"/> heavy values; the
/// values inside an unsorted radix bucket are always light). Every cut next to a heavy value sits on one of its two
/// boundaries (an anchor); between two consecutive anchors a &lt; b holding m groups every cut is light, so the m sizes
/// are within (m-1)L of each other and inner cut j lies within min(j, m-j)(m-1)L of a + j(b-a)/m. Enumerating anchor
/// pairs and m gives a few narrow windows that contain every optimal grouping; only the buckets they touch are
/// sorted (one more pass), so the tie-break over the candidates equals the tie-break over all groupings. Once those
/// buckets are exact, L shrinks to the largest count of a light value touching a window, which narrows them again.</para>
/// <para>Search. A suffix dynamic programme over the candidate positions of each cut; the cost (q - p)^2 is Monge, so
/// each layer uses the monotone-argmin divide and conquer, O(m log m). The cuts are then read forwards, taking at each
/// step the smallest position that keeps the optimum: the lexicographic tie-break.</para>
/// </remarks>
internal static class BalancedPartition
{
    /// <summary>Exact histograms with at most this many distinct values use every boundary as a candidate.</summary>
    private const int AllBoundariesLimit = 1 << 16;

    /// <summary>The most values treated as heavy (anchors); the light bound rises until no more are heavy.</summary>
    private const int MaxHeavyValues = 16;

    /// <summary>
    /// Returns, for g groups (2 &lt;= g, at most the number of distinct values), the index of the first cell of groups
    /// 1..g-1 (its smallest value is the threshold); the histogram is refined as needed and the returned indices refer
    /// to its final cells.
    /// </summary>
    public static int[] ChooseCuts(ValueHistogram histogram, ReadOnlyMemory<double> values, int groups)
    {
        long n = histogram.Count;
        if (histogram.IsExact && histogram.CellCount <= AllBoundariesLimit)
        {
            List<(long From, long To)> all = [(1, n - 1)];
            return Solve(Candidates(histogram, all, []), n, groups);
        }

        var light = LightBound(histogram);
        var anchors = Anchors(histogram, light);
        var windows = Windows(anchors, n, groups, light);
        var marks = new bool[histogram.CellCount];
        var counts = histogram.CellCounts;
        var any = false;
        long start = 0;
        var w = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            var end = start + counts[c];
            while (w < windows.Count && windows[w].To < start + 1)
            {
                w++;
            }

            if (!histogram.IsExactCell(c) && w < windows.Count && windows[w].From <= end - 1)
            {
                marks[c] = true;
                any = true;
            }

            start = end;
        }

        if (any)
        {
            // Refined values come from light buckets, so the bound and the anchors stay valid: one round suffices.
            histogram.Refine(values, marks);
        }

        // Every optimal cut lies in the windows, so only values touching them can be next to one: their largest count
        // (now mostly exact) is a tighter light bound, and its windows lie inside the first ones.
        var tighter = TouchingBound(histogram, windows, light);
        if (tighter < light)
        {
            windows = Windows(anchors, n, groups, tighter);
        }

        return Solve(Candidates(histogram, windows, anchors), n, groups);
    }

    /// <summary>The largest count of a light value with a boundary inside a window (at least 1).</summary>
    private static long TouchingBound(ValueHistogram histogram, List<(long From, long To)> windows, long light)
    {
        var counts = histogram.CellCounts;
        long bound = 1;
        long start = 0;
        var w = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            var end = start + counts[c];
            while (w < windows.Count && windows[w].To < start)
            {
                w++;
            }

            if (w < windows.Count && windows[w].From <= end)
            {
                var inner = histogram.IsExactCell(c) ? counts[c] : counts[c] - 1L;
                if (inner <= light)
                {
                    bound = Math.Max(bound, inner);
                }
            }

            start = end;
        }

        return bound;
    }

    /// <summary>The light bound: no unsorted bucket holds a value above it, and at most MaxHeavyValues exact values exceed it.</summary>
    private static long LightBound(ValueHistogram histogram)
    {
        var counts = histogram.CellCounts;
        long light = 1;
        for (var c = 0; c < counts.Length; c++)
        {
            if (!histogram.IsExactCell(c))
            {
                // A bucket holds at least two distinct values, so none of them has more than count - 1 customers.
                light = Math.Max(light, counts[c] - 1L);
            }
        }

        var heavy = new List<long>();
        for (var c = 0; c < counts.Length; c++)
        {
            if (histogram.IsExactCell(c) && counts[c] > light)
            {
                heavy.Add(counts[c]);
            }
        }

        if (heavy.Count > MaxHeavyValues)
        {
            heavy.Sort((x, y) => y.CompareTo(x));
            light = heavy[MaxHeavyValues];
        }

        return light;
    }

    /// <summary>0, n and both boundaries of every heavy value, ascending and distinct.</summary>
    private static long[] Anchors(ValueHistogram histogram, long light)
    {
        var counts = histogram.CellCounts;
        var anchors = new SortedSet<long> { 0, histogram.Count };
        long start = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            var end = start + counts[c];
            if (histogram.IsExactCell(c) && counts[c] > light)
            {
                anchors.Add(start);
                anchors.Add(end);
            }

            start = end;
        }

        return [.. anchors];
    }

    /// <summary>The merged, ascending windows (inside 1..n-1) that hold every light cut of every optimal grouping.</summary>
    private static List<(long From, long To)> Windows(long[] anchors, long n, int groups, long light)
    {
        var windows = new List<(long From, long To)>();
        for (var x = 0; x < anchors.Length; x++)
        {
            for (var y = x + 1; y < anchors.Length; y++)
            {
                var (a, b) = (anchors[x], anchors[y]);

                // Groups outside [a, b] need at least one group on each side that is not an end of the data.
                var outside = (a > 0 ? 1 : 0) + (b < n ? 1 : 0);
                var fewest = outside == 0 ? groups : 1;
                for (var m = fewest; m <= groups - outside; m++)
                {
                    for (var j = 1; j < m; j++)
                    {
                        var target = checked((a * m) + (j * (b - a)));
                        var radius = checked(Math.Min(j, m - j) * (long)(m - 1) * light);
                        var from = Math.Max(1, ((target + m - 1) / m) - radius);
                        var to = Math.Min(n - 1, (target / m) + radius);
                        if (from <= to)
                        {
                            windows.Add((from, to));
                        }
                    }
                }
            }
        }

        windows.Sort();
        var merged = new List<(long From, long To)>();
        foreach (var window in windows)
        {
            if (merged.Count > 0 && window.From <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, window.To));
            }
            else
            {
                merged.Add(window);
            }
        }

        return merged;
    }

    /// <summary>Cell boundaries inside a window or on an anchor, as the candidates of every cut.</summary>
    private static Layer Candidates(ValueHistogram histogram, List<(long From, long To)> windows, long[] anchors)
    {
        var counts = histogram.CellCounts;
        var n = (long)histogram.Count;
        var positions = new List<long>();
        var cells = new List<int>();
        long start = 0;
        var w = 0;
        var a = 0;
        for (var c = 0; c < counts.Length; c++)
        {
            while (w < windows.Count && windows[w].To < start)
            {
                w++;
            }

            while (a < anchors.Length && anchors[a] < start)
            {
                a++;
            }

            // Cell boundaries are always boundaries between distinct values, unsorted buckets included.
            var inWindow = w < windows.Count && windows[w].From <= start;
            var onAnchor = a < anchors.Length && anchors[a] == start;
            if (start > 0 && start < n && (inWindow || onAnchor))
            {
                positions.Add(start);
                cells.Add(c);
            }

            start += counts[c];
        }

        return new Layer([.. positions], [.. cells]);
    }

    private static int[] Solve(Layer candidates, long n, int groups)
    {
        var layers = new Layer[groups - 1];
        Array.Fill(layers, candidates);

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
            // Columns at or before p are infeasible; the search starts at the first one after it.
            var after = Array.BinarySearch(columns, optLo, optHi - optLo + 1, p);
            var from = after >= 0 ? after + 1 : ~after;

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
