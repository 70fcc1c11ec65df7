namespace CustomerValue.Tests.Rfm;

/// <summary>Slow, obviously correct reference implementations of the balanced binning contract (test code only).</summary>
internal static class BinningReference
{
    /// <summary>Sorted distinct values and their counts (-0.0 and 0.0 are one value).</summary>
    public static (double[] Values, long[] Counts) Distinct(double[] values)
    {
        var sorted = values.Select(v => v + 0.0).Order().ToArray();
        var distinct = new List<double>();
        var counts = new List<long>();
        foreach (var v in sorted)
        {
            if (distinct.Count > 0 && distinct[^1] == v)
            {
                counts[^1]++;
            }
            else
            {
                distinct.Add(v);
                counts.Add(1);
            }
        }

        return ([.. distinct], [.. counts]);
    }

    /// <summary>
    /// Enumerates every grouping of the sorted distinct values into min(k, d) contiguous groups and returns the
    /// thresholds (first value of groups 1..g-1) of the one minimising sum (size - n/k)^2, ties broken by the
    /// lexicographically smallest vector of group sizes. The objective is scaled by k^2 to stay in integers.
    /// </summary>
    public static double[] BruteForce(double[] values, int k)
    {
        var (distinct, counts) = Distinct(values);
        var n = values.Length;
        var groups = Math.Min(k, distinct.Length);
        int[]? best = null;
        long[]? bestSizes = null;
        var bestCost = long.MaxValue;
        foreach (var cuts in Combinations(distinct.Length - 1, groups - 1))
        {
            var sizes = new long[groups];
            var start = 0;
            for (var g = 0; g < groups; g++)
            {
                var end = g < groups - 1 ? cuts[g] + 1 : distinct.Length;
                for (var i = start; i < end; i++)
                {
                    sizes[g] += counts[i];
                }

                start = end;
            }

            var cost = sizes.Sum(s => ((k * s) - n) * ((k * s) - n));
            if (cost < bestCost || (cost == bestCost && Lexicographic(sizes, bestSizes!) < 0))
            {
                bestCost = cost;
                best = cuts;
                bestSizes = sizes;
            }
        }

        return best!.Select(c => distinct[c + 1]).ToArray();
    }

    /// <summary>The same optimum by an O(g d^2) dynamic programme (for inputs too large to enumerate).</summary>
    public static double[] Dynamic(double[] values, int k)
    {
        var (distinct, counts) = Distinct(values);
        var d = distinct.Length;
        var groups = Math.Min(k, d);
        var prefix = new long[d + 1];
        for (var i = 0; i < d; i++)
        {
            prefix[i + 1] = prefix[i] + counts[i];
        }

        // suffix[g][i]: least sum of squared sizes covering distinct values i..d-1 with g groups.
        const long Infinity = long.MaxValue / 4;
        var suffix = new long[groups + 1][];
        for (var g = 0; g <= groups; g++)
        {
            suffix[g] = Enumerable.Repeat(Infinity, d + 1).ToArray();
        }

        suffix[0][d] = 0;
        for (var g = 1; g <= groups; g++)
        {
            for (var i = 0; i < d; i++)
            {
                for (var j = i + 1; j <= d; j++)
                {
                    if (suffix[g - 1][j] < Infinity)
                    {
                        var size = prefix[j] - prefix[i];
                        suffix[g][i] = Math.Min(suffix[g][i], (size * size) + suffix[g - 1][j]);
                    }
                }
            }
        }

        var thresholds = new double[groups - 1];
        var at = 0;
        var remaining = suffix[groups][0];
        for (var g = groups; g > 1; g--)
        {
            var j = at + 1;
            while (suffix[g - 1][j] >= Infinity
                || ((prefix[j] - prefix[at]) * (prefix[j] - prefix[at])) + suffix[g - 1][j] != remaining)
            {
                j++;
            }

            thresholds[groups - g] = distinct[j];
            remaining = suffix[g - 1][j];
            at = j;
        }

        return thresholds;
    }

    /// <summary>The documented spread rule: rank r of g (from the worst) scores 1 + round-half-up(r (k-1)/(g-1)).</summary>
    public static int SpreadScore(int rank, int groups, int k)
        => groups == 1 ? 1 + (k / 2) : 1 + (int)Math.Floor((rank * (k - 1.0) / (groups - 1)) + 0.5);

    private static int Lexicographic(long[] a, long[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }

    private static IEnumerable<int[]> Combinations(int n, int r)
    {
        var current = new int[r];
        IEnumerable<int[]> Recurse(int index, int from)
        {
            if (index == r)
            {
                yield return (int[])current.Clone();
                yield break;
            }

            for (var i = from; i < n; i++)
            {
                current[index] = i;
                foreach (var c in Recurse(index + 1, i + 1))
                {
                    yield return c;
                }
            }
        }

        return Recurse(0, 0);
    }
}
