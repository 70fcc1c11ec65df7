using CustomerValue.Internal;

namespace CustomerValue.Models;

/// <summary>
/// Validated customer summaries compressed to distinct rows with summed weights. Rows are sorted by
/// (first, second, third, weight) so that the likelihood is summed in the same order whatever the input order.
/// </summary>
internal sealed class SummaryRows
{
    private SummaryRows(double[] first, double[] second, double[] third, double[] weight, int count, double totalWeight)
    {
        First = first;
        Second = second;
        Third = third;
        Weight = weight;
        Count = count;
        TotalWeight = totalWeight;
    }

    public double[] First { get; }

    public double[] Second { get; }

    public double[] Third { get; }

    public double[] Weight { get; }

    public int Count { get; }

    public double TotalWeight { get; }

    /// <summary>Validates (frequency, recency, age) rows of a continuous-time purchase model.</summary>
    public static SummaryRows ForPurchases(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> weights)
    {
        CheckLengths(frequency.Length, recency.Length, age.Length, weights, nameof(recency), nameof(age));
        for (var i = 0; i < frequency.Length; i++)
        {
            CheckPurchaseRow(i, frequency[i], recency[i], age[i]);
        }

        return Compress(frequency, recency, age, weights);
    }

    /// <summary>Validates (frequency, recency, periods) rows of the discrete-period BG/BB model.</summary>
    public static SummaryRows ForPeriods(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> periods, ReadOnlySpan<double> weights)
    {
        CheckLengths(frequency.Length, recency.Length, periods.Length, weights, nameof(recency), nameof(periods));
        for (var i = 0; i < frequency.Length; i++)
        {
            CheckPeriodRow(i, frequency[i], recency[i], periods[i]);
        }

        return Compress(frequency, recency, periods, weights);
    }

    /// <summary>Validates (frequency, average spend) rows of the Gamma-Gamma model; rows with frequency 0 carry no spend information and are left out.</summary>
    public static SummaryRows ForSpend(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, ReadOnlySpan<double> weights)
    {
        CheckLengths(frequency.Length, monetaryValue.Length, monetaryValue.Length, weights, nameof(monetaryValue), nameof(monetaryValue));
        var keep = new bool[frequency.Length];
        var kept = 0;
        for (var i = 0; i < frequency.Length; i++)
        {
            CheckCount(i, frequency[i], nameof(frequency));
            var w = weights.IsEmpty ? 1.0 : weights[i];
            CheckWeight(i, w);
            if (frequency[i] == 0)
            {
                continue;
            }

            var m = monetaryValue[i];
            if (!double.IsFinite(m) || m <= 0)
            {
                throw RowError(i, nameof(monetaryValue), Guard.Invariant($"must be a finite amount > 0 for a repeat customer (frequency {frequency[i]}); it was {m}. The Gamma-Gamma model needs positive average spend: net out returns or remove the row"));
            }

            keep[i] = w > 0;
            kept += w > 0 ? 1 : 0;
        }

        if (kept == 0)
        {
            throw new ArgumentException("The Gamma-Gamma model needs at least one repeat customer (frequency > 0) with a positive weight; there were none.", nameof(frequency));
        }

        var x = new double[kept];
        var m2 = new double[kept];
        var w2 = new double[kept];
        var j = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                x[j] = frequency[i];
                m2[j] = monetaryValue[i];
                w2[j] = weights.IsEmpty ? 1.0 : weights[i];
                j++;
            }
        }

        return Compress(x, m2, new double[kept], w2);
    }

    public static void CheckPurchaseRow(int i, double x, double tx, double t)
    {
        CheckCount(i, x, "frequency");
        if (!double.IsFinite(tx) || tx < 0)
        {
            throw RowError(i, "recency", Guard.Invariant($"must be a finite time >= 0; it was {tx}"));
        }

        if (!double.IsFinite(t) || t < 0)
        {
            throw RowError(i, "age", Guard.Invariant($"(T) must be a finite time >= 0; it was {t}"));
        }

        if (tx > t)
        {
            throw RowError(i, "recency", Guard.Invariant($"must not exceed the age T ({t}); it was {tx}. Recency is the time from the first to the last purchase, age from the first purchase to the end of the calibration period"));
        }

        if (x == 0 && tx != 0)
        {
            throw RowError(i, "recency", Guard.Invariant($"must be 0 when frequency is 0 (no repeat purchase); it was {tx}"));
        }
    }

    public static void CheckPeriodRow(int i, double x, double tx, double n)
    {
        CheckCount(i, x, "frequency");
        CheckCount(i, tx, "recency");
        CheckCount(i, n, "periods");
        if (tx > n)
        {
            throw RowError(i, "recency", Guard.Invariant($"must not exceed the number of periods ({n}); it was {tx}"));
        }

        if (x > tx)
        {
            throw RowError(i, "frequency", Guard.Invariant($"must not exceed the recency ({tx}), the last period with a transaction; it was {x}"));
        }

        if (x == 0 && tx != 0)
        {
            throw RowError(i, "recency", Guard.Invariant($"must be 0 when frequency is 0; it was {tx}"));
        }
    }

    private static void CheckCount(int i, double value, string field)
    {
        if (!double.IsFinite(value) || value < 0 || value != Math.Floor(value) || value > int.MaxValue)
        {
            throw RowError(i, field, Guard.Invariant($"must be a whole number >= 0; it was {value}"));
        }
    }

    private static void CheckWeight(int i, double w)
    {
        if (!double.IsFinite(w) || w < 0)
        {
            throw RowError(i, "weights", Guard.Invariant($"must be a finite number >= 0; it was {w}"));
        }
    }

    private static ArgumentException RowError(int i, string field, string text)
        => new(Guard.Invariant($"Row {i}: {field} {text}."), field);

    private static void CheckLengths(int frequency, int second, int third, ReadOnlySpan<double> weights, string secondName, string thirdName)
    {
        var n = frequency;
        if (second != n || third != n)
        {
            throw new ArgumentException(Guard.Invariant($"The columns must have the same length; frequency has {n} rows, {secondName} {second}, {thirdName} {third}."), second != n ? secondName : thirdName);
        }

        if (!weights.IsEmpty && weights.Length != n)
        {
            throw new ArgumentException(Guard.Invariant($"The weights must be empty (all 1) or have one value per row ({n}); they have {weights.Length}."), nameof(weights));
        }

        if (n == 0)
        {
            throw new ArgumentException("The data must have at least one row; they have none.", nameof(frequency));
        }
    }

    private static SummaryRows Compress(ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<double> third, ReadOnlySpan<double> weights)
    {
        var rows = new Row[first.Length];
        var n = 0;
        for (var i = 0; i < first.Length; i++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[i];
            CheckWeight(i, w);
            if (w > 0)
            {
                rows[n++] = new Row(first[i], second[i], third[i], w);
            }
        }

        if (n == 0)
        {
            throw new ArgumentException("At least one row must have a weight > 0; all weights were 0.", nameof(weights));
        }

        Array.Sort(rows, 0, n, RowComparer.Instance);
        var f = new double[n];
        var s = new double[n];
        var t = new double[n];
        var wt = new double[n];
        var count = 0;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            ref readonly var row = ref rows[i];
            if (count > 0 && f[count - 1] == row.First && s[count - 1] == row.Second && t[count - 1] == row.Third)
            {
                wt[count - 1] += row.Weight;
            }
            else
            {
                f[count] = row.First;
                s[count] = row.Second;
                t[count] = row.Third;
                wt[count] = row.Weight;
                count++;
            }

            total += row.Weight;
        }

        return new SummaryRows(f, s, t, wt, count, total);
    }

    private readonly record struct Row(double First, double Second, double Third, double Weight);

    private sealed class RowComparer : IComparer<Row>
    {
        public static readonly RowComparer Instance = new();

        public int Compare(Row x, Row y)
        {
            var c = x.First.CompareTo(y.First);
            if (c != 0)
            {
                return c;
            }

            c = x.Second.CompareTo(y.Second);
            if (c != 0)
            {
                return c;
            }

            c = x.Third.CompareTo(y.Third);
            return c != 0 ? c : x.Weight.CompareTo(y.Weight);
        }
    }
}
