using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CustomerValue.Internal;

namespace CustomerValue.Rfm;

/// <summary>Learns the cut points of one RFM dimension (<see cref="Fit"/>) and applies them (<see cref="Score"/>).</summary>
internal static class RfmBinning
{
    /// <summary>Fits the cuts of one dimension.</summary>
    /// <param name="values">The finite values, one per customer (the caller validates them).</param>
    /// <param name="ids">The customer ids, same length as <paramref name="values"/>; read only by
    /// <see cref="BinningMethod.Ntile"/> (may be empty otherwise).</param>
    /// <param name="bins">The number of scores, k (2..9).</param>
    /// <param name="method">The binning method; <see cref="BinningMethod.FixedCutPoints"/> is not fitted.</param>
    /// <param name="higherIsBetter">True when larger values score higher; false for recency.</param>
    public static RfmDimensionCuts Fit(ReadOnlyMemory<double> values, ReadOnlySpan<string> ids, int bins, BinningMethod method, bool higherIsBetter)
    {
        Guard.InRange(bins, 2, 9);
        if (values.IsEmpty)
        {
            throw new ArgumentException("RFM binning needs at least one customer value to fit cut points; the input was empty.", nameof(values));
        }

        return method switch
        {
            BinningMethod.BalancedQuantiles => FitBalanced(values, bins, higherIsBetter, allowCounting: true),
            BinningMethod.Ntile => FitNtile(values.Span, ids, bins, higherIsBetter),
            BinningMethod.RCompatible => FitRCompatible(values, bins, higherIsBetter),
            BinningMethod.FixedCutPoints => throw new ArgumentException(
                "Fixed cut points are given, not fitted: create them with RfmDimensionCuts.FromCutPoints.", nameof(method)),
            _ => throw new ArgumentOutOfRangeException(
                nameof(method), method, Guard.Invariant($"The binning method must be one of BalancedQuantiles, FixedCutPoints, Ntile, RCompatible; it was {(int)method}.")),
        };
    }

    /// <summary>
    /// Scores <paramref name="values"/> against frozen cuts: score = GroupScores[number of thresholds &lt;= value].
    /// Allocation-free; no sort, O(n k).
    /// </summary>
    /// <param name="values">The values to score.</param>
    /// <param name="ids">The customer ids; read only when the cuts split ties by id (<see cref="BinningMethod.Ntile"/>).</param>
    /// <param name="cuts">The frozen cuts.</param>
    /// <param name="scores">Receives one score per value.</param>
    /// <returns>The index of the first value that is not finite (NaN or infinity), or -1 when all are finite; the
    /// check rides along the scoring pass, so callers need no separate validation pass.</returns>
    public static int Score(ReadOnlySpan<double> values, ReadOnlySpan<string> ids, RfmDimensionCuts cuts, Span<byte> scores)
    {
        Guard.NotNull(cuts);
        if (scores.Length != values.Length)
        {
            throw new ArgumentException(
                Guard.Invariant($"The score buffer must have one slot per value ({values.Length}); it has {scores.Length}."), nameof(scores));
        }

        if (cuts.HasThresholdIds)
        {
            if (ids.Length != values.Length)
            {
                throw new ArgumentException(
                    Guard.Invariant($"NTILE cuts split ties by customer id, so one id per value ({values.Length}) is needed; {ids.Length} were given."), nameof(ids));
            }

            ScoreWithIds(values, ids, cuts.ThresholdSpan, cuts.ThresholdIdSpan, cuts.GroupScoreSpan, scores);
            return FirstNonFinite(values, 0);
        }

        return ScoreValues(values, cuts.ThresholdSpan, cuts.GroupScoreSpan, scores);
    }

    /// <summary>Scores 1..k for k groups, reversed when lower values are better.</summary>
    internal static byte[] ConsecutiveScores(int bins, bool higherIsBetter) => SpreadScores(bins, bins, higherIsBetter);

    /// <summary>
    /// Scores of g groups spread over 1..k: the group ranked r from the worst (0..g-1) scores
    /// 1 + round-half-up(r (k-1) / (g-1)), so the best scores k and the worst 1; a single group scores the middle,
    /// 1 + round-half-up((k-1)/2) (3 of 5, 3 of 4).
    /// </summary>
    internal static byte[] SpreadScores(int groups, int bins, bool higherIsBetter)
    {
        var scores = new byte[groups];
        for (var i = 0; i < groups; i++)
        {
            var rank = higherIsBetter ? i : groups - 1 - i;
            var score = groups == 1 ? 1 + (bins / 2) : 1 + (((2 * rank * (bins - 1)) + (groups - 1)) / (2 * (groups - 1)));
            scores[i] = (byte)score;
        }

        return scores;
    }

    /// <summary>Balanced tie-aware quantiles (see <see cref="BalancedPartition"/>).</summary>
    /// <param name="values">The values.</param>
    /// <param name="bins">k.</param>
    /// <param name="higherIsBetter">False for recency.</param>
    /// <param name="allowCounting">False forces the radix histogram (tests).</param>
    /// <param name="maxBucketBits">
    /// The radix bucket bits (tests lower it to force blobs). 14 (16,384 buckets of 20 bytes) keeps the table a thread
    /// counts into within its core's L2 cache; only the k - 1 boundary cells are refined, so larger blobs cost little:
    /// fitting 10M amounts took 15% less CPU than with 16 bits, and more than with 12 or 18.
    /// </param>
    internal static RfmDimensionCuts FitBalanced(ReadOnlyMemory<double> values, int bins, bool higherIsBetter, bool allowCounting, int maxBucketBits = 14)
    {
        var histogram = ValueHistogram.Build(values, allowCounting, maxBucketBits);
        var distinct = DistinctUpTo(histogram, values, bins);
        double[] thresholds;
        if (distinct < bins)
        {
            // Every distinct value is its own group; DistinctUpTo left the histogram exact.
            thresholds = histogram.CellValues[1..].ToArray();
        }
        else
        {
            var cuts = BalancedPartition.ChooseCuts(histogram, values, bins);
            thresholds = new double[cuts.Length];
            for (var i = 0; i < cuts.Length; i++)
            {
                thresholds[i] = histogram.CellValues[cuts[i]];
            }
        }

        var groups = thresholds.Length + 1;
        return new RfmDimensionCuts(
            thresholds,
            new string?[thresholds.Length],
            SpreadScores(groups, bins, higherIsBetter),
            bins,
            BinningMethod.BalancedQuantiles,
            higherIsBetter,
            collapsed: groups < bins,
            distinctValues: distinct);
    }

    private static RfmDimensionCuts FitNtile(ReadOnlySpan<double> values, ReadOnlySpan<string> ids, int bins, bool higherIsBetter)
    {
        if (ids.Length != values.Length)
        {
            throw new ArgumentException(
                Guard.Invariant($"NTILE binning splits ties by customer id, so one id per value ({values.Length}) is needed; {ids.Length} were given."), nameof(ids));
        }

        var n = values.Length;
        var keys = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = ValueHistogram.Key(values[i]);
        }

        var idArray = ids.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byValue = keys[a].CompareTo(keys[b]);
            return byValue != 0 ? byValue : string.CompareOrdinal(idArray[a], idArray[b]);
        });

        var distinct = 1;
        for (var r = 1; r < n && distinct < bins; r++)
        {
            distinct += keys[order[r]] != keys[order[r - 1]] ? 1 : 0;
        }

        // SQL NTILE: g groups, the first n mod g (from the smallest value) one customer larger.
        var groups = Math.Min(bins, n);
        var size = n / groups;
        var extra = n % groups;
        var thresholds = new double[groups - 1];
        var thresholdIds = new string?[groups - 1];
        for (var j = 1; j < groups; j++)
        {
            var rank = (j * size) + Math.Min(j, extra);
            var first = order[rank];
            thresholds[j - 1] = values[first] + 0.0;
            thresholdIds[j - 1] = keys[order[rank - 1]] == keys[first] ? idArray[first] : null;
        }

        return new RfmDimensionCuts(
            thresholds,
            thresholdIds,
            SpreadScores(groups, bins, higherIsBetter),
            bins,
            BinningMethod.Ntile,
            higherIsBetter,
            collapsed: groups < bins,
            distinctValues: distinct);
    }

    private static RfmDimensionCuts FitRCompatible(ReadOnlyMemory<double> values, int bins, bool higherIsBetter)
    {
        var n = values.Length;
        var histogram = ValueHistogram.Build(values);
        var distinct = DistinctUpTo(histogram, values, bins);

        // R quantile(type = 7): index = 1 + (n - 1) p, lo = floor, hi = ceiling (1-based);
        // q = x[lo], and where index > lo and x[hi] != x[lo], q = (1 - h) x[lo] + h x[hi] with h = index - lo.
        // seq(0, 1, length.out = k + 1) gives the inner probabilities as i * (1 / k).
        Span<long> ranks = stackalloc long[2 * (bins - 1)];
        Span<double> fractions = stackalloc double[bins - 1];
        for (var i = 1; i < bins; i++)
        {
            var index = 1 + ((n - 1) * (i * (1.0 / bins)));
            var lo = Math.Floor(index);
            ranks[2 * (i - 1)] = (long)lo - 1;
            ranks[(2 * (i - 1)) + 1] = (long)Math.Ceiling(index) - 1;
            fractions[i - 1] = index - lo;
        }

        Span<double> order = stackalloc double[ranks.Length];
        OrderStatistics(histogram, values, ranks, order);
        var thresholds = new double[bins - 1];
        for (var i = 0; i < thresholds.Length; i++)
        {
            var low = order[2 * i];
            var high = order[(2 * i) + 1];
            var h = fractions[i];
            var quantile = h > 0 && high != low ? ((1 - h) * low) + (h * high) : low;
            thresholds[i] = quantile + 1;
        }

        var groupScores = ConsecutiveScores(bins, higherIsBetter);
        Span<bool> occupied = stackalloc bool[bins];
        foreach (var v in values.Span)
        {
            occupied[GroupOf(v, thresholds)] = true;
        }

        return new RfmDimensionCuts(
            thresholds,
            new string?[thresholds.Length],
            groupScores,
            bins,
            BinningMethod.RCompatible,
            higherIsBetter,
            collapsed: occupied.Contains(false),
            distinctValues: distinct);
    }

    /// <summary>The number of distinct values, up to <paramref name="cap"/>; below the cap the histogram is left exact.</summary>
    private static int DistinctUpTo(ValueHistogram histogram, ReadOnlyMemory<double> values, int cap)
    {
        while (true)
        {
            // A blob holds at least two distinct values.
            var atLeast = 0;
            for (var c = 0; c < histogram.CellCount && atLeast < cap; c++)
            {
                atLeast += histogram.IsExactCell(c) ? 1 : 2;
            }

            if (atLeast >= cap || histogram.IsExact)
            {
                return Math.Min(atLeast, cap);
            }

            var marks = new bool[histogram.CellCount];
            for (var c = 0; c < marks.Length; c++)
            {
                marks[c] = !histogram.IsExactCell(c);
            }

            histogram.Refine(values, marks);
        }
    }

    /// <summary>The values at the given 0-based ranks of the sorted column, refining only the cells that hold them.</summary>
    private static void OrderStatistics(ValueHistogram histogram, ReadOnlyMemory<double> values, ReadOnlySpan<long> ranks, Span<double> result)
    {
        while (true)
        {
            var marks = new bool[histogram.CellCount];
            var refine = false;
            var counts = histogram.CellCounts;
            for (var r = 0; r < ranks.Length; r++)
            {
                long start = 0;
                var c = 0;
                while (start + counts[c] <= ranks[r])
                {
                    start += counts[c];
                    c++;
                }

                result[r] = histogram.CellValues[c];
                if (!histogram.IsExactCell(c))
                {
                    marks[c] = true;
                    refine = true;
                }
            }

            if (!refine)
            {
                return;
            }

            histogram.Refine(values, marks);
        }
    }

    private static int GroupOf(double value, ReadOnlySpan<double> thresholds)
    {
        var group = 0;
        foreach (var t in thresholds)
        {
            group += t <= value ? 1 : 0;
        }

        return group;
    }

    private static int ScoreValues(ReadOnlySpan<double> values, ReadOnlySpan<double> thresholds, ReadOnlySpan<byte> groupScores, Span<byte> scores)
    {
        const int Block = 16;
        var i = 0;
        var nonFinite = false;
        if (Vector256.IsHardwareAccelerated && Vector128.IsHardwareAccelerated && values.Length >= Block)
        {
            // Sixteen values per step: each threshold adds 1 (an all-ones mask is -1) to the lanes at or above it, the
            // sixteen group numbers are narrowed to bytes, and one byte shuffle looks their scores up (at most 9 groups).
            Span<Vector256<double>> broadcast = stackalloc Vector256<double>[thresholds.Length];
            for (var t = 0; t < thresholds.Length; t++)
            {
                broadcast[t] = Vector256.Create(thresholds[t]);
            }

            Span<byte> table = stackalloc byte[Block];
            groupScores.CopyTo(table);
            var lookup = Vector128.Create<byte>(table);
            ref var source = ref MemoryMarshal.GetReference(values);
            ref var target = ref MemoryMarshal.GetReference(scores);

            // v - v is 0 for finite lanes and NaN for NaN or infinity; the NaN survives the sum.
            var finite = Vector256<double>.Zero;
            unchecked
            {
                for (; i <= values.Length - Block; i += Block)
                {
                    var v0 = Vector256.LoadUnsafe(ref source, (nuint)i);
                    var v1 = Vector256.LoadUnsafe(ref source, (nuint)(i + 4));
                    var v2 = Vector256.LoadUnsafe(ref source, (nuint)(i + 8));
                    var v3 = Vector256.LoadUnsafe(ref source, (nuint)(i + 12));
                    finite += (v0 - v0) + (v1 - v1) + (v2 - v2) + (v3 - v3);
                    var g0 = Vector256<long>.Zero;
                    var g1 = Vector256<long>.Zero;
                    var g2 = Vector256<long>.Zero;
                    var g3 = Vector256<long>.Zero;
                    foreach (var t in broadcast)
                    {
                        g0 -= Vector256.LessThanOrEqual(t, v0).AsInt64();
                        g1 -= Vector256.LessThanOrEqual(t, v1).AsInt64();
                        g2 -= Vector256.LessThanOrEqual(t, v2).AsInt64();
                        g3 -= Vector256.LessThanOrEqual(t, v3).AsInt64();
                    }

                    var groups = Vector256.Narrow(Vector256.Narrow(g0, g1), Vector256.Narrow(g2, g3)).AsUInt16();
                    var indices = Vector128.Narrow(groups.GetLower(), groups.GetUpper());
                    Vector128.ShuffleNative(lookup, indices).StoreUnsafe(ref target, (nuint)i);
                }
            }

            nonFinite = finite != Vector256<double>.Zero;
        }

        var tail = i;
        for (; i < values.Length; i++)
        {
            scores[i] = groupScores[GroupOf(values[i], thresholds)];
        }

        return FirstNonFinite(values, nonFinite ? 0 : tail);
    }

    private static int FirstNonFinite(ReadOnlySpan<double> values, int from)
    {
        for (var i = from; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void ScoreWithIds(
        ReadOnlySpan<double> values,
        ReadOnlySpan<string> ids,
        ReadOnlySpan<double> thresholds,
        ReadOnlySpan<string?> thresholdIds,
        ReadOnlySpan<byte> groupScores,
        Span<byte> scores)
    {
        Debug.Assert(thresholds.Length == thresholdIds.Length, "One id slot per threshold.");
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var group = 0;
            for (var t = 0; t < thresholds.Length; t++)
            {
                var atOrAfter = thresholds[t] < v
                    || (thresholds[t] == v && (thresholdIds[t] is not { } id || string.CompareOrdinal(ids[i], id) >= 0));
                group += atOrAfter ? 1 : 0;
            }

            scores[i] = groupScores[group];
        }
    }
}
