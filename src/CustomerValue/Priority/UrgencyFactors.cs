using CustomerValue.Internal;
namespace CustomerValue.Priority;

/// <summary>The urgency factors, each 0..1; NaN when the factor cannot be computed for the customer.</summary>
internal static class UrgencyFactors
{
    /// <summary>Intervals are counted in bins of 1/<see cref="IntervalResolution"/> day to find their median in one pass.</summary>
    public const int IntervalResolution = 16;

    private const int IntervalBins = 1 << 20;

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
    /// customer has one. One pass with a counting array, so the result does not depend on the row order.
    /// </summary>
    public static double MedianInterval(NumericColumn recency, NumericColumn tenure, NumericColumn orders, bool parallel)
    {
        var n = recency.Length;
        int[] CountRows(int start, int end)
        {
            // One extra bin counts the customers without a rhythm, so the loop has no data-dependent branch (see Branchless).
            var counts = new int[IntervalBins + 1];
            var r = recency.Values;
            var t = tenure.Values;
            var o = orders.Values;
            unchecked
            {
                for (var i = start; i < end; i++)
                {
                    var span = t[i] - r[i];
                    var gaps = o[i] - 1;
                    var interval = span / gaps;
                    var bin = (int)double.MinNative(interval * IntervalResolution, IntervalBins - 1);
                    counts[bin + ((IntervalBins - bin) * Branchless.Bit(!(gaps >= 1) | !(span > 0) | !(interval > 0)))]++;
                }
            }

            return counts;
        }

        int[] total;
        if (parallel)
        {
            int[]? first = null;
            int[]? second = null;
            Ranges.Invoke(parallel: true, () => first = CountRows(0, n / 2), () => second = CountRows(n / 2, n));
            total = first!;
            for (var b = 0; b < IntervalBins; b++)
            {
                total[b] += second![b];
            }
        }
        else
        {
            total = CountRows(0, n);
        }

        var m = 0L;
        for (var b = 0; b < IntervalBins; b++)
        {
            m += total[b];
        }

        if (m == 0)
        {
            return double.NaN;
        }

        var rank = (m - 1) / 2;
        var seen = 0L;
        for (var b = 0; b < IntervalBins; b++)
        {
            seen += total[b];
            if (seen > rank)
            {
                return (double)Math.Max(b, 1) / IntervalResolution;
            }
        }

        return double.NaN;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Clamp(double value) => value > 0 ? (value < 1 ? value : 1) : 0;
}
