using CustomerValue.Internal;
using CustomerValue.Rfm;

namespace CustomerValue.LowValue;

/// <summary>
/// Finds the bottom-share value threshold without sorting: a radix histogram of the positive values with per-bucket
/// counts and sums locates the one bucket where the running share crosses the target, and only that bucket's values
/// are gathered and sorted. Sums are taken per half and added in a fixed order, so the result does not depend on threads.
/// </summary>
internal static class BottomShareThreshold
{
    private const int BucketBits = 16;

    /// <summary>
    /// Returns T, the largest value whose positive values up to T sum to at most <paramref name="share"/> of all positive
    /// values; 0 when no positive value qualifies.
    /// </summary>
    public static double Fit(NumericColumn values, double share, bool parallel)
    {
        var n = values.Length;
        var half = parallel ? n / 2 : n;
        var scans = new Scan[2];
        Ranges.Invoke(parallel, () => scans[0] = Scan.Of(values.Values[..half]), () => scans[1] = Scan.Of(values.Values[half..]));
        var count = scans[0].Count + scans[1].Count;
        if (count == 0)
        {
            return 0;
        }

        var min = Math.Min(scans[0].Min, scans[1].Min);
        var max = Math.Max(scans[0].Max, scans[1].Max);
        var target = share * (scans[0].Sum + scans[1].Sum);
        var keyMin = ValueHistogram.Key(min);
        var span = ValueHistogram.Key(max) - keyMin;
        var shift = Math.Max(0, 64 - System.Numerics.BitOperations.LeadingZeroCount(span) - BucketBits);
        var buckets = checked((int)(span >> shift) + 1);
        var parts = new Buckets[2];
        Ranges.Invoke(parallel, () => parts[0] = Buckets.Of(values.Values[..half], buckets, keyMin, shift), () => parts[1] = Buckets.Of(values.Values[half..], buckets, keyMin, shift));
        var whole = parts[0].Add(parts[1]);

        var threshold = 0.0;
        var cumulative = 0.0;
        for (var b = 0; b < buckets; b++)
        {
            if (whole.Counts[b] == 0)
            {
                continue;
            }

            if (cumulative + whole.Sums[b] <= target)
            {
                cumulative += whole.Sums[b];
                threshold = ValueHistogram.FromKey(whole.MaxKeys[b]);
                continue;
            }

            if (whole.MinKeys[b] != whole.MaxKeys[b])
            {
                threshold = WithinBucket(values.Values, b, whole.Counts[b], keyMin, shift, cumulative, target, threshold);
            }

            break;
        }

        return threshold;
    }

    private static double WithinBucket(ReadOnlySpan<double> values, int bucket, int count, ulong keyMin, int shift, double cumulative, double target, double threshold)
    {
        var gathered = new double[count];
        var k = 0;
        foreach (var v in values)
        {
            if (v > 0 && double.IsFinite(v) && (int)((ValueHistogram.Key(v) - keyMin) >> shift) == bucket)
            {
                gathered[k++] = v;
            }
        }

        Array.Sort(gathered);
        var i = 0;
        while (i < gathered.Length)
        {
            var j = i + 1;
            while (j < gathered.Length && gathered[j] == gathered[i])
            {
                j++;
            }

            var sum = gathered[i] * (j - i);
            if (cumulative + sum > target)
            {
                break;
            }

            cumulative += sum;
            threshold = gathered[i];
            i = j;
        }

        return threshold;
    }

    private readonly record struct Scan(long Count, double Min, double Max, double Sum)
    {
        public static Scan Of(ReadOnlySpan<double> values)
        {
            var count = 0L;
            var min = double.PositiveInfinity;
            var max = 0.0;
            var sum = 0.0;
            foreach (var v in values)
            {
                if (v > 0 && v < double.PositiveInfinity)
                {
                    count++;
                    sum += v;
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }

            return new Scan(count, min, max, sum);
        }
    }

    private sealed record Buckets(int[] Counts, double[] Sums, ulong[] MinKeys, ulong[] MaxKeys)
    {
        public static Buckets Of(ReadOnlySpan<double> values, int buckets, ulong keyMin, int shift)
        {
            var result = new Buckets(new int[buckets], new double[buckets], new ulong[buckets], new ulong[buckets]);
            result.MinKeys.AsSpan().Fill(ulong.MaxValue);
            var counts = result.Counts;
            var sums = result.Sums;
            var minKeys = result.MinKeys;
            var maxKeys = result.MaxKeys;
            unchecked
            {
                foreach (var v in values)
                {
                    if (v > 0 && v < double.PositiveInfinity)
                    {
                        var key = ValueHistogram.Key(v);
                        var b = (int)((key - keyMin) >> shift);
                        counts[b]++;
                        sums[b] += v;
                        minKeys[b] = Math.Min(minKeys[b], key);
                        maxKeys[b] = Math.Max(maxKeys[b], key);
                    }
                }
            }

            return result;
        }

        public Buckets Add(Buckets other)
        {
            for (var b = 0; b < Counts.Length; b++)
            {
                Counts[b] += other.Counts[b];
                Sums[b] += other.Sums[b];
                MinKeys[b] = Math.Min(MinKeys[b], other.MinKeys[b]);
                MaxKeys[b] = Math.Max(MaxKeys[b], other.MaxKeys[b]);
            }

            return this;
        }
    }
}
