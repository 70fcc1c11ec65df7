using System.Runtime.Intrinsics;
using CustomerValue.Internal;
using CustomerValue.Rfm;

namespace CustomerValue.Tiers;

/// <summary>
/// Learns value-share thresholds in O(n) without sorting: a radix histogram over the positive values with a count and
/// a value sum per bucket, walked from the top for ABC cut-offs and from the bottom for the low-value bottom share;
/// only the bucket where a share is crossed is sorted.
/// </summary>
/// <remarks>
/// Sums are exact integers: every value is scaled by one power of two (chosen so the largest value is below 2^62) and
/// truncated to a 128-bit integer. Integer addition is associative, so the thresholds do not depend on the order of
/// the customers or on how the passes are split across threads; the truncation costs at most 2^-62 of the largest
/// value per customer. The histogram is <see cref="ValueHistogram"/>'s key scheme with sums added.
/// </remarks>
internal static class ShareThresholds
{
    // 16,384 buckets of 36 bytes stay near a core's L2 cache while counting; only the crossing buckets are gathered, so
    // wider ones cost little (10M values: 42-48 ms against 50-56 ms with 16 bits, measured).
    private const int MaxBucketBits = 14;

    /// <summary>
    /// Returns, for each cut-off (ascending fractions in (0, 1]), the value of the group of equal values at which the
    /// cumulative share of positive value, from the top, first reaches the cut-off.
    /// </summary>
    public static double[] Fit(NumericInput input, IReadOnlyList<string> ids, IReadOnlyList<double> cutoffs, string stage, string column)
    {
        var shares = Shares.Of(input);
        var scan = shares.Scan;
        if (scan.InfiniteAt >= 0)
        {
            throw PopulationError.Create(Guard.Invariant(
                $"Customer '{ids[scan.InfiniteAt]}' has {input.Values[scan.InfiniteAt]} in column '{column}'; stage '{stage}' shares out a finite total value. Fill or drop such customers (a missing value, NaN, gets no tier)."));
        }

        if (scan.Positives == 0)
        {
            throw PopulationError.Create(Guard.Invariant(
                $"No customer has a positive value in column '{column}', so stage '{stage}' has no value to share out; fit on a population with positive values or set ValueColumn to another column."));
        }

        var (layout, buckets) = (shares.Layout!, shares.Whole!);
        var total = shares.Total;
        var crossing = new int[cutoffs.Count];
        var before = new UInt128[cutoffs.Count];
        var targets = new double[cutoffs.Count];
        var b = buckets.Length - 1;
        UInt128 cumulative = 0;
        for (var k = 0; k < cutoffs.Count; k++)
        {
            targets[k] = cutoffs[k] * (double)total;
            while ((double)(cumulative + buckets[b].Sum) < targets[k])
            {
                cumulative += buckets[b].Sum;
                b--;
            }

            crossing[k] = b;
            before[k] = cumulative;
        }

        var thresholds = new double[cutoffs.Count];
        var refine = new List<int>();
        for (var k = 0; k < cutoffs.Count; k++)
        {
            var c = crossing[k];
            if (buckets[c].MinKey == buckets[c].MaxKey)
            {
                thresholds[k] = ValueHistogram.FromKey(buckets[c].MinKey);
            }
            else if (!refine.Contains(c))
            {
                refine.Add(c);
            }
        }

        if (refine.Count > 0)
        {
            var keys = Gather(input, shares, [.. refine]);
            for (var k = 0; k < cutoffs.Count; k++)
            {
                var r = refine.IndexOf(crossing[k]);
                if (r >= 0)
                {
                    thresholds[k] = Walk(keys[r], before[k], targets[k], layout);
                }
            }
        }

        return thresholds;
    }

    /// <summary>
    /// Returns T, the largest value whose finite positive values up to T sum to at most <paramref name="share"/> of all
    /// finite positive values; 0 when no positive value qualifies. NaN and infinite values are left out.
    /// </summary>
    public static double Bottom(NumericInput input, double share)
    {
        var shares = Shares.Of(input);
        if (shares.Scan.Positives == 0)
        {
            return 0;
        }

        var (layout, buckets) = (shares.Layout!, shares.Whole!);
        var target = share * (double)shares.Total;
        var threshold = 0.0;
        UInt128 cumulative = 0;
        for (var b = 0; b < buckets.Length; b++)
        {
            if (buckets[b].Count == 0)
            {
                continue;
            }

            if ((double)(cumulative + buckets[b].Sum) <= target)
            {
                cumulative += buckets[b].Sum;
                threshold = ValueHistogram.FromKey(buckets[b].MaxKey);
                continue;
            }

            if (buckets[b].MinKey == buckets[b].MaxKey)
            {
                return threshold;
            }

            // Inside the crossing bucket, the groups of equal values from the bottom.
            var keys = Gather(input, shares, [b])[0];
            keys.AsSpan().Sort();
            var i = 0;
            while (i < keys.Length)
            {
                var j = i + 1;
                while (j < keys.Length && keys[j] == keys[i])
                {
                    j++;
                }

                var value = ValueHistogram.FromKey(keys[i]);
                var sum = (UInt128)(ulong)(j - i) * layout.Fixed(value);
                if ((double)(cumulative + sum) > target)
                {
                    break;
                }

                cumulative += sum;
                threshold = value;
                i = j;
            }

            return threshold;
        }

        return threshold;
    }

    private static double Walk(ulong[] keys, UInt128 cumulative, double target, Layout layout)
    {
        keys.AsSpan().Sort();
        var i = keys.Length - 1;
        while (true)
        {
            var j = i;
            while (j > 0 && keys[j - 1] == keys[i])
            {
                j--;
            }

            var value = ValueHistogram.FromKey(keys[i]);
            cumulative += (UInt128)(ulong)(i - j + 1) * layout.Fixed(value);
            if ((double)cumulative >= target || j == 0)
            {
                return value;
            }

            i = j - 1;
        }
    }

    // Gathers the keys of the positive values in the given buckets; each half writes after the keys of the half before it.
    private static ulong[][] Gather(NumericInput input, Shares shares, int[] buckets)
    {
        var (layout, halves) = (shares.Layout!, shares.Halves!);
        var keys = new ulong[buckets.Length][];
        for (var r = 0; r < buckets.Length; r++)
        {
            var first = halves[0][buckets[r]].Count;
            keys[r] = new ulong[first + (halves[1]?[buckets[r]].Count ?? 0)];
        }

        Ranges.ForRanges(input.Length, (start, end) =>
        {
            var cursor = new int[buckets.Length];
            if (start != 0)
            {
                for (var r = 0; r < buckets.Length; r++)
                {
                    cursor[r] = halves[0][buckets[r]].Count;
                }
            }

            var values = input.Values[start..end];
            void Take(double v)
            {
                if (v > 0 && v < double.PositiveInfinity)
                {
                    var key = ValueHistogram.Key(v);
                    var bucket = layout.Bucket(key);
                    for (var r = 0; r < buckets.Length; r++)
                    {
                        if (bucket == buckets[r])
                        {
                            keys[r][cursor[r]++] = key;
                        }
                    }
                }
            }

            unchecked
            {
                var i = 0;
                if (Vector256.IsHardwareAccelerated)
                {
                    // The wanted buckets hold a sliver of the values: whole vectors are tested against their key ranges
                    // and only vectors with a hit are taken one by one.
                    var ranges = buckets.Select(b => (Vector256.Create(layout.KeyMin + ((ulong)b << layout.Shift)), Vector256.Create((1UL << layout.Shift) - 1))).ToArray();
                    for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
                    {
                        if (ValueHistogram.AnyKeyIn(values.Slice(i, Vector256<double>.Count), ranges))
                        {
                            foreach (var v in values.Slice(i, Vector256<double>.Count))
                            {
                                Take(v);
                            }
                        }
                    }
                }

                for (; i < values.Length; i++)
                {
                    Take(values[i]);
                }
            }
        });
        return keys;
    }

    private static int BitLength(ulong value) => 64 - System.Numerics.BitOperations.LeadingZeroCount(value);

    // The finite positive values (their count, min and max) and the first row holding an infinity, if any: the ABC
    // stage refuses infinities, the low-value stage leaves them out, so the scan reads every value either way.
    private readonly record struct Scan(int Positives, double Min, double Max, int InfiniteAt)
    {
        public static Scan Of(ReadOnlySpan<double> values, int offset)
        {
            var positives = 0;
            var min = double.MaxValue;
            var max = 0.0;
            var infiniteAt = -1;
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (v > 0 && v < double.PositiveInfinity)
                {
                    positives++;
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
                else if (double.IsInfinity(v) && infiniteAt < 0)
                {
                    infiniteAt = offset + i;
                }
            }

            return new Scan(positives, min, max, infiniteAt);
        }

        // The first half's infinite value wins, so the error names the same customer however the work is split.
        public static Scan Merge(Scan first, Scan second)
            => new(first.Positives + second.Positives, Math.Min(first.Min, second.Min), Math.Max(first.Max, second.Max), first.InfiniteAt >= 0 ? first.InfiniteAt : second.InfiniteAt);
    }

    /// <summary>
    /// The finite positive values of a column bucketed with exact sums, per half and whole: what the ABC and the
    /// low-value stages both need of the value column, so within one pipeline fit it is built once (see FitScope).
    /// </summary>
    private sealed class Shares
    {
        private Shares(Scan scan, Layout? layout, Buckets[]? halves, Buckets? whole, UInt128 total)
        {
            (Scan, Layout, Halves, Whole, Total) = (scan, layout, halves, whole, total);
        }

        public Scan Scan { get; }

        // Null when no value is finite and positive.
        public Layout? Layout { get; }

        public Buckets[]? Halves { get; }

        public Buckets? Whole { get; }

        public UInt128 Total { get; }

        public static Shares Of(NumericInput input) => FitScope.GetOrAdd(input.Source, "value shares", () => Build(input));

        private static Shares Build(NumericInput input)
        {
            var n = input.Length;
            var scans = new Scan[2];
            Ranges.ForRanges(n, (start, end) => scans[start == 0 ? 0 : 1] = Scan.Of(input.Values[start..end], start));
            var scan = Ranges.IsSplit(n) ? Scan.Merge(scans[0], scans[1]) : scans[0];
            if (scan.Positives == 0)
            {
                return new Shares(scan, null, null, null, 0);
            }

            var layout = new Layout(scan, MaxBucketBits);
            var halves = new Buckets[2];
            Ranges.ForRanges(n, (start, end) => halves[start == 0 ? 0 : 1] = Buckets.Of(input.Values[start..end], layout));
            var whole = Buckets.Merge(halves[0], halves[1]);
            UInt128 total = 0;
            for (var b = 0; b < whole.Length; b++)
            {
                total += whole[b].Sum;
            }

            return new Shares(scan, layout, halves, whole, total);
        }
    }

    private sealed class Layout
    {
        private readonly double _scale;
        private readonly double _extraScale;

        public Layout(Scan scan, int maxBits)
        {
            KeyMin = ValueHistogram.Key(scan.Min);
            var span = ValueHistogram.Key(scan.Max) - KeyMin;
            var bits = Math.Clamp(BitLength((ulong)scan.Positives) + 1, 4, maxBits);
            Shift = Math.Max(0, BitLength(span) - bits);
            BucketCount = checked((int)(span >> Shift) + 1);

            // 2^(61 - floor(log2 max)) puts the largest value below 2^62; split in two factors so each is a normal double.
            var exponent = 61 - Math.ILogB(scan.Max);
            var first = Math.Min(exponent, 1000);
            _scale = Math.ScaleB(1.0, first);
            _extraScale = Math.ScaleB(1.0, exponent - first);
        }

        public ulong KeyMin { get; }

        public int Shift { get; }

        public int BucketCount { get; }

        public int Bucket(ulong key) => unchecked((int)((key - KeyMin) >> Shift));

        public ulong Fixed(double value) => unchecked((ulong)(value * _scale * _extraScale));
    }

    // One record per bucket, so counting a value touches one cache line rather than one in each of four arrays.
    private sealed class Buckets(Buckets.Tally[] items)
    {
        public int Length => items.Length;

        public ref readonly Tally this[int bucket] => ref items[bucket];

        public static Buckets Of(ReadOnlySpan<double> values, Layout layout)
        {
            var tally = new Tally[layout.BucketCount];
            foreach (ref var bucket in tally.AsSpan())
            {
                bucket.MinKey = ulong.MaxValue;
            }

            unchecked
            {
                foreach (var v in values)
                {
                    if (v > 0 && v < double.PositiveInfinity)
                    {
                        var key = ValueHistogram.Key(v);
                        ref var bucket = ref tally[layout.Bucket(key)];
                        bucket.Count++;
                        bucket.Sum += layout.Fixed(v);
                        bucket.MinKey = Math.Min(bucket.MinKey, key);
                        bucket.MaxKey = Math.Max(bucket.MaxKey, key);
                    }
                }
            }

            return new Buckets(tally);
        }

        public static Buckets Merge(Buckets first, Buckets? second)
        {
            if (second is null)
            {
                return first;
            }

            var merged = new Tally[first.Length];
            for (var b = 0; b < merged.Length; b++)
            {
                var (x, y) = (first[b], second[b]);
                merged[b] = new Tally { Count = x.Count + y.Count, Sum = x.Sum + y.Sum, MinKey = Math.Min(x.MinKey, y.MinKey), MaxKey = Math.Max(x.MaxKey, y.MaxKey) };
            }

            return new Buckets(merged);
        }

        public struct Tally
        {
            public UInt128 Sum;
            public ulong MinKey;
            public ulong MaxKey;
            public int Count;
        }
    }
}
