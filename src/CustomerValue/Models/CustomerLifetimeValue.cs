using CustomerValue.Internal;

namespace CustomerValue.Models;

/// <summary>
/// Customer-lifetime value: the discounted sum over sub-periods of the expected purchases in each sub-period
/// (from a <see cref="PurchaseModel"/>) times the expected spend per purchase (usually from a <see cref="GammaGammaModel"/>).
/// </summary>
public static class CustomerLifetimeValue
{
    /// <summary>Computes the CLV of one customer with spend from a Gamma-Gamma model.</summary>
    /// <param name="model">The purchase model.</param>
    /// <param name="spend">The spend model.</param>
    /// <param name="frequency">The number of repeat purchases.</param>
    /// <param name="recency">The time from the first to the last purchase, in the purchase model's unit.</param>
    /// <param name="age">The time T from the first purchase to the end of the calibration period, in the purchase model's unit.</param>
    /// <param name="monetaryValue">The average repeat-purchase value (ignored when frequency is 0).</param>
    /// <param name="options">The horizon, discount rate and sub-period.</param>
    /// <returns>The CLV, &gt;= 0, in the currency of <paramref name="monetaryValue"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The history is invalid, or the horizon has more than <see cref="ClvOptions.MaxSteps"/> sub-periods.</exception>
    /// <exception cref="InvalidOperationException">The Gamma-Gamma expected spend is infinite (q &lt;= 1).</exception>
    public static double Compute(PurchaseModel model, GammaGammaModel spend, double frequency, double recency, double age, double monetaryValue, ClvOptions options)
    {
        Guard.NotNull(spend);
        GammaGammaModel.CheckRow(0, frequency, monetaryValue);
        return Compute(model, frequency, recency, age, spend.SpendCore(frequency, monetaryValue), options);
    }

    /// <summary>Computes the CLV of one customer with a given expected spend per purchase.</summary>
    /// <param name="model">The purchase model.</param>
    /// <param name="frequency">The number of repeat purchases.</param>
    /// <param name="recency">The time from the first to the last purchase, in the purchase model's unit.</param>
    /// <param name="age">The time T from the first purchase to the end of the calibration period, in the purchase model's unit.</param>
    /// <param name="expectedSpend">The expected spend per future purchase (finite, &gt;= 0).</param>
    /// <param name="options">The horizon, discount rate and sub-period.</param>
    /// <returns>The CLV, &gt;= 0.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The history or spend is invalid, or the horizon has more than <see cref="ClvOptions.MaxSteps"/> sub-periods.</exception>
    public static double Compute(PurchaseModel model, double frequency, double recency, double age, double expectedSpend, ClvOptions options)
    {
        Guard.NotNull(model);
        Guard.NotNull(options);
        SummaryRows.CheckPurchaseRow(0, frequency, recency, age);
        CheckSpend(0, expectedSpend);
        var (ends, factors) = ClvOptions.Schedule(options, model.TimeUnit);
        if (expectedSpend == 0 || ends.Length == 0)
        {
            return 0.0;
        }

        return expectedSpend * model.ProbabilityAliveCore(frequency, recency, age) * DiscountedActivePurchases(model, frequency, age, ends, factors);
    }

    /// <summary>Computes the CLV of many customers with spend from a Gamma-Gamma model; allocates nothing per customer.</summary>
    /// <param name="model">The purchase model.</param>
    /// <param name="spend">The spend model.</param>
    /// <param name="frequency">The numbers of repeat purchases.</param>
    /// <param name="recency">The recencies, in the purchase model's unit.</param>
    /// <param name="age">The ages T, in the purchase model's unit.</param>
    /// <param name="monetaryValue">The average repeat-purchase values.</param>
    /// <param name="options">The horizon, discount rate and sub-period.</param>
    /// <param name="result">Receives the CLV per customer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spans differ in length or a row is invalid (the message names the row and field).</exception>
    /// <exception cref="InvalidOperationException">The Gamma-Gamma expected spend is infinite for some row (q &lt;= 1).</exception>
    public static void ComputeInto(PurchaseModel model, GammaGammaModel spend, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> monetaryValue, ClvOptions options, Span<double> result)
    {
        Guard.NotNull(model);
        Guard.NotNull(spend);
        Guard.NotNull(options);
        var n = frequency.Length;
        PurchaseModel.CheckSpans(n, recency.Length, age.Length);
        CheckLength(n, monetaryValue.Length, nameof(monetaryValue));
        CheckLength(n, result.Length, nameof(result));
        var (ends, factors) = ClvOptions.Schedule(options, model.TimeUnit);
        var memo = new Memo(model, ends, factors);
        for (var i = 0; i < n; i++)
        {
            SummaryRows.CheckPurchaseRow(i, frequency[i], recency[i], age[i]);
            GammaGammaModel.CheckRow(i, frequency[i], monetaryValue[i]);
            var expected = spend.SpendCore(frequency[i], monetaryValue[i]);
            result[i] = memo.Value(frequency[i], recency[i], age[i], expected);
        }
    }

    /// <summary>Computes the CLV of many customers with given expected spends; allocates nothing per customer.</summary>
    /// <param name="model">The purchase model.</param>
    /// <param name="frequency">The numbers of repeat purchases.</param>
    /// <param name="recency">The recencies, in the purchase model's unit.</param>
    /// <param name="age">The ages T, in the purchase model's unit.</param>
    /// <param name="expectedSpend">The expected spends per future purchase (finite, &gt;= 0).</param>
    /// <param name="options">The horizon, discount rate and sub-period.</param>
    /// <param name="result">Receives the CLV per customer.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spans differ in length or a row is invalid (the message names the row and field).</exception>
    public static void ComputeInto(PurchaseModel model, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> expectedSpend, ClvOptions options, Span<double> result)
    {
        Guard.NotNull(model);
        Guard.NotNull(options);
        var n = frequency.Length;
        PurchaseModel.CheckSpans(n, recency.Length, age.Length);
        CheckLength(n, expectedSpend.Length, nameof(expectedSpend));
        CheckLength(n, result.Length, nameof(result));
        var (ends, factors) = ClvOptions.Schedule(options, model.TimeUnit);
        var memo = new Memo(model, ends, factors);
        for (var i = 0; i < n; i++)
        {
            SummaryRows.CheckPurchaseRow(i, frequency[i], recency[i], age[i]);
            CheckSpend(i, expectedSpend[i]);
            result[i] = memo.Value(frequency[i], recency[i], age[i], expectedSpend[i]);
        }
    }

    /// <summary>The discounted sum over sub-periods of the expected purchases of an active customer; depends on (x, T) only.</summary>
    private static double DiscountedActivePurchases(PurchaseModel model, double x, double age, double[] ends, double[] factors)
    {
        var previous = 0.0;
        var sum = 0.0;
        for (var k = 0; k < ends.Length; k++)
        {
            var current = model.ActivePurchasesCore(x, age, ends[k]);
            sum += Math.Max(current - previous, 0.0) * factors[k];
            previous = current;
        }

        return sum;
    }

    private static void CheckSpend(int i, double spend)
    {
        if (!double.IsFinite(spend) || spend < 0)
        {
            throw new ArgumentException(Guard.Invariant($"Row {i}: expectedSpend must be a finite amount >= 0; it was {spend}."), nameof(spend));
        }
    }

    private static void CheckLength(int n, int length, string name)
    {
        if (length != n)
        {
            throw new ArgumentException(Guard.Invariant($"The span must have one element per customer ({n}); it has {length}."), name);
        }
    }

    /// <summary>
    /// Batch CLV: the per-step sum depends only on (x, T) and P(alive) only on (x, t_x, T), so each is computed once per
    /// distinct summary and reused, with the same arithmetic as <see cref="Compute(PurchaseModel, double, double, double, double, ClvOptions)"/>.
    /// </summary>
    private sealed class Memo(PurchaseModel model, double[] ends, double[] factors)
    {
        private readonly RowMemo _alive = new();
        private readonly RowMemo _steps = new();

        public double Value(double x, double tx, double age, double spend)
        {
            if (spend == 0 || ends.Length == 0)
            {
                return 0.0;
            }

            if (!_steps.TryGet(x, age, 0.0, out var sum, out var slot))
            {
                sum = DiscountedActivePurchases(model, x, age, ends, factors);
                _steps.Store(slot, x, age, 0.0, sum);
            }

            return spend * model.MemoProbabilityAlive(_alive, x, tx, age) * sum;
        }
    }
}
