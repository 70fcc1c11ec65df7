using System.Numerics;
using CustomerValue.Internal;
namespace CustomerValue.Priority;

/// <summary>The urgency factors, each 0..1; NaN when the factor cannot be computed for the customer.</summary>
internal static class UrgencyFactors
{
    /// <summary>Intervals are counted in bins of 1/<see cref="IntervalResolution"/> day to find their median in one pass.</summary>
    public const int IntervalResolution = 16;

    private const int IntervalBins = 1 << 20;

    private const int NearBins = 1 << 13;

    /// <summary>
    /// The customer's own average days between purchases, (tenure - recency) / (orders - 1): the span from the first to
    /// the last purchase over the gaps in it. NaN for a customer without a rhythm: fewer than two orders, all purchases
    /// on one day, or a missing value.
    /// </summary>
    public static double OwnInterval(double recency, double tenure, double orders)
    {
        var span = tenure - recency;
        return orders >= 2 && span > 0 ? span / (orders - 1) : double.NaN;
    }

    /// <summary>min(1, max(0, (recency / interval - 1) / (saturation - 1))); NaN when recency or the interval is missing.</summary>
    public static double Overdue(double recency, double interval, double saturation)
        => double.IsNaN(recency) || double.IsNaN(interval) ? double.NaN : Clamp(((recency / interval) - 1) / (saturation - 1));

    public static double Complaints(double complaints, double saturation) => double.IsNaN(complaints) ? double.NaN : Clamp(complaints / saturation);

    public static double LowSatisfaction(double satisfaction, double threshold, double floor)
        => double.IsNaN(satisfaction) ? double.NaN : Clamp((threshold - satisfaction) / (threshold - floor));

    public static double FallingPAlive(double pAlive) => double.IsNaN(pAlive) ? double.NaN : Clamp(1 - pAlive);

    /// <summary>
    /// The lower median of the intervals of the customers with a rhythm, each floored to 1/16 day (at least 1/16 day), or NaN when no
    /// customer has one. Counted in bins, so the result does not depend on the row order.
    /// </summary>
    public static double MedianInterval(NumericColumn recency, NumericColumn tenure, NumericColumn orders, bool parallel)
    {
        // Intervals below NearBins / 16 days (a year and a half) are counted first, in a table small enough to stay in
        // the L1 cache; all longer ones share one bin. Only when the median lies beyond them is the whole range counted.
        var near = Count(recency, tenure, orders, NearBins, parallel);
        var withRhythm = 0L;
        for (var b = 0; b <= NearBins; b++)
        {
            withRhythm += near[b];
        }

        if (withRhythm == 0)
        {
            return double.NaN;
        }

        var rank = (withRhythm - 1) / 2;
        return MedianBin(near, NearBins - 1, rank) ?? MedianBin(Count(recency, tenure, orders, IntervalBins - 1, parallel), IntervalBins - 1, rank)!.Value;
    }

    // The lower median from the counts of bins 0..last, or null when it lies beyond them.
    private static double? MedianBin(int[] counts, int last, long rank)
    {
        var seen = 0L;
        for (var b = 0; b <= last; b++)
        {
            seen += counts[b];
            if (seen > rank)
            {
                return (double)Math.Max(b, 1) / IntervalResolution;
            }
        }

        return null;
    }

    // Counts the customers' intervals in bins of 1/16 day: bins 0..top-1 exact, bin top for every longer interval and
    // bin top + 1 for the customers without a rhythm, so the loop has no data-dependent branch (see Branchless).
    private static int[] Count(NumericColumn recency, NumericColumn tenure, NumericColumn orders, int top, bool parallel)
    {
        var n = recency.Length;
        int[] CountRows(int start, int end)
        {
            var counts = new int[top + 2];
            var r = recency.Values;
            var t = tenure.Values;
            var o = orders.Values;
            var i = start;
            unchecked
            {
                if (Vector.IsHardwareAccelerated)
                {
                    // The same tests and bins as the scalar loop below, a vector of customers at a time.
                    var lanes = Vector<double>.Count;
                    var (limit, none, resolution) = (new Vector<double>(top), new Vector<double>(top + 1), new Vector<double>(IntervalResolution));
                    for (; i + lanes <= end; i += lanes)
                    {
                        var span = new Vector<double>(t[i..]) - new Vector<double>(r[i..]);
                        var gaps = new Vector<double>(o[i..]) - Vector<double>.One;
                        var interval = span / gaps;
                        var valid = Vector.GreaterThanOrEqual(gaps, Vector<double>.One) & Vector.GreaterThan(span, Vector<double>.Zero) & Vector.GreaterThan(interval, Vector<double>.Zero);
                        var bins = Vector.ConvertToInt64(Vector.ConditionalSelect(valid, Vector.Min(interval * resolution, limit), none));
                        for (var j = 0; j < lanes; j++)
                        {
                            counts[bins[j]]++;
                        }
                    }
                }

                for (; i < end; i++)
                {
                    var span = t[i] - r[i];
                    var gaps = o[i] - 1;
                    var interval = span / gaps;
                    var bin = (int)double.MinNative(interval * IntervalResolution, top);
                    counts[bin + ((top + 1 - bin) * Branchless.Bit(!(gaps >= 1) | !(span > 0) | !(interval > 0)))]++;
                }
            }

            return counts;
        }

        if (!parallel)
        {
            return CountRows(0, n);
        }

        int[]? first = null;
        int[]? second = null;
        Ranges.Invoke(parallel: true, () => first = CountRows(0, n / 2), () => second = CountRows(n / 2, n));
        for (var b = 0; b < first!.Length; b++)
        {
            first[b] += second![b];
        }

        return first;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Clamp(double value) => value > 0 ? (value < 1 ? value : 1) : 0;
}
