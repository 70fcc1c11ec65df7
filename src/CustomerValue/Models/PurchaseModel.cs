using CustomerValue.Internal;

namespace CustomerValue.Models;

/// <summary>
/// A fitted continuous-time buy-till-you-die purchase model (BG/NBD, MBG/NBD, Pareto/NBD) over customer summaries
/// (frequency = number of repeat purchases, recency = time from the first to the last purchase, age T = time from
/// the first purchase to the end of the calibration period), all measured in <see cref="TimeUnit"/>.
/// Immutable and safe to share between threads.
/// </summary>
public abstract class PurchaseModel
{
    private protected PurchaseModel(ModelTimeUnit timeUnit, IReadOnlyList<ParameterEstimate> parameters, FitDiagnostics? diagnostics)
    {
        TimeUnits.Validate(timeUnit, nameof(timeUnit));
        TimeUnit = timeUnit;
        Parameters = parameters;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the unit in which recency, age and the model's rates are measured.</summary>
    public ModelTimeUnit TimeUnit { get; }

    /// <summary>Gets the parameters with their standard errors, in the order of the model's paper.</summary>
    public IReadOnlyList<ParameterEstimate> Parameters { get; }

    /// <summary>Gets how the fit went, or null when the model was created from given parameters.</summary>
    public FitDiagnostics? Diagnostics { get; }

    /// <summary>Gets the probability that a customer with this history is still active at the end of the calibration period.</summary>
    /// <param name="frequency">The number of repeat purchases (a whole number &gt;= 0).</param>
    /// <param name="recency">The time from the first to the last purchase, in <see cref="TimeUnit"/> (0 when frequency is 0).</param>
    /// <param name="age">The time T from the first purchase to the end of the calibration period, in <see cref="TimeUnit"/> (&gt;= recency).</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <exception cref="ArgumentException">The history is invalid (NaN, negative, non-integral frequency, recency &gt; age).</exception>
    public double ProbabilityAlive(double frequency, double recency, double age)
    {
        SummaryRows.CheckPurchaseRow(0, frequency, recency, age);
        return ProbabilityAliveCore(frequency, recency, age);
    }

    /// <summary>Gets the expected number of purchases in the <paramref name="horizon"/> following the calibration period by a customer with this history.</summary>
    /// <param name="horizon">The length of the prediction period; converted to <see cref="TimeUnit"/>.</param>
    /// <param name="frequency">The number of repeat purchases (a whole number &gt;= 0).</param>
    /// <param name="recency">The time from the first to the last purchase, in <see cref="TimeUnit"/>.</param>
    /// <param name="age">The time T from the first purchase to the end of the calibration period, in <see cref="TimeUnit"/>.</param>
    /// <returns>The expected number of purchases, &gt;= 0.</returns>
    /// <exception cref="ArgumentException">The history is invalid.</exception>
    public double ExpectedPurchases(Horizon horizon, double frequency, double recency, double age)
    {
        SummaryRows.CheckPurchaseRow(0, frequency, recency, age);
        var t = horizon.In(TimeUnit);
        return ProbabilityAliveCore(frequency, recency, age) * ActivePurchasesCore(frequency, age, t);
    }

    /// <summary>Gets the expected number of purchases E[X(t)] of a new customer in the <paramref name="horizon"/> after the first purchase (repeat purchases only).</summary>
    /// <param name="horizon">The length of the period; converted to <see cref="TimeUnit"/>.</param>
    /// <returns>The expected number of purchases, &gt;= 0.</returns>
    public double ExpectedPurchasesOfNewCustomer(Horizon horizon) => NewCustomerPurchasesCore(horizon.In(TimeUnit));

    /// <summary>Gets the probability P(X(t) = n) that a new customer makes exactly <paramref name="count"/> repeat purchases in the <paramref name="horizon"/> after the first purchase.</summary>
    /// <param name="count">The number of purchases n, &gt;= 0.</param>
    /// <param name="horizon">The length of the period; converted to <see cref="TimeUnit"/>.</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public double ProbabilityOfPurchases(int count, Horizon horizon)
    {
        Guard.InRange(count, 0, int.MaxValue, nameof(count));
        var p = ProbabilityOfPurchasesCore(count, horizon.In(TimeUnit));
        return Math.Clamp(p, 0.0, 1.0);
    }

    /// <summary>
    /// Predicts for many customers at once: the probability of being alive and the expected purchases in the
    /// <paramref name="horizon"/>. Allocates nothing per customer. Pass an empty span to skip an output.
    /// </summary>
    /// <param name="frequency">The numbers of repeat purchases.</param>
    /// <param name="recency">The recencies, in <see cref="TimeUnit"/>.</param>
    /// <param name="age">The ages T, in <see cref="TimeUnit"/>.</param>
    /// <param name="horizon">The length of the prediction period.</param>
    /// <param name="probabilityAlive">Receives P(alive) per customer, or empty.</param>
    /// <param name="expectedPurchases">Receives the expected purchases per customer, or empty.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a row is invalid (the message names the row and field).</exception>
    public void PredictInto(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, Horizon horizon, Span<double> probabilityAlive, Span<double> expectedPurchases)
    {
        var n = frequency.Length;
        CheckSpans(n, recency.Length, age.Length);
        CheckOutput(n, probabilityAlive.Length, nameof(probabilityAlive));
        CheckOutput(n, expectedPurchases.Length, nameof(expectedPurchases));
        var t = horizon.In(TimeUnit);
        var aliveMemo = new RowMemo();
        var activeMemo = expectedPurchases.IsEmpty ? null : new RowMemo();
        for (var i = 0; i < n; i++)
        {
            double x = frequency[i], tx = recency[i], ageT = age[i];
            SummaryRows.CheckPurchaseRow(i, x, tx, ageT);
            var alive = MemoProbabilityAlive(aliveMemo, x, tx, ageT);
            if (!probabilityAlive.IsEmpty)
            {
                probabilityAlive[i] = alive;
            }

            if (activeMemo is not null)
            {
                if (!activeMemo.TryGet(x, ageT, t, out var active, out var slot))
                {
                    active = ActivePurchasesCore(x, ageT, t);
                    activeMemo.Store(slot, x, ageT, t, active);
                }

                expectedPurchases[i] = alive * active;
            }
        }
    }

    internal double MemoProbabilityAlive(RowMemo memo, double x, double tx, double age)
    {
        if (!memo.TryGet(x, tx, age, out var alive, out var slot))
        {
            alive = ProbabilityAliveCore(x, tx, age);
            memo.Store(slot, x, tx, age, alive);
        }

        return alive;
    }

    /// <summary>P(alive) for a validated row.</summary>
    internal abstract double ProbabilityAliveCore(double x, double tx, double age);

    /// <summary>Expected purchases in the next <paramref name="t"/> time units given the customer is alive at <paramref name="age"/>.</summary>
    internal abstract double ActivePurchasesCore(double x, double age, double t);

    internal abstract double NewCustomerPurchasesCore(double t);

    internal abstract double ProbabilityOfPurchasesCore(int n, double t);

    internal static void CheckSpans(int n, int recency, int age)
    {
        if (recency != n || age != n)
        {
            throw new ArgumentException(Guard.Invariant($"The columns must have the same length; frequency has {n} rows, recency {recency}, age {age}."), recency != n ? nameof(recency) : nameof(age));
        }
    }

    internal static void CheckOutput(int n, int length, string name)
    {
        if (length != 0 && length != n)
        {
            throw new ArgumentException(Guard.Invariant($"The output span must be empty (skip) or have one element per customer ({n}); it has {length}."), name);
        }
    }

    /// <summary>ln NB probability of n purchases in t for Poisson-gamma(r, alpha) rates.</summary>
    internal static double LogNegativeBinomial(int n, double r, double alpha, double t)
    {
        var value = SpecialMath.GammaLn(r + n) - SpecialMath.GammaLn(r) - SpecialMath.GammaLn(n + 1.0) - (r * SpecialMath.Log1P(t / alpha));
        return n == 0 ? value : value + (n * Math.Log(t / (alpha + t)));
    }

    /// <summary>P(N(t) &gt;= n) for the Poisson-gamma count: the regularised incomplete beta I_q(n, r), q = t / (alpha + t).</summary>
    internal static double NegativeBinomialTail(int n, double r, double alpha, double t)
        => n == 0 ? 1.0 : t == 0 ? 0.0 : MathNet.Numerics.SpecialFunctions.BetaRegularized(n, r, t / (alpha + t));

    internal static IReadOnlyList<ParameterEstimate> Given(string[] names, double[] values, string model)
    {
        var list = new ParameterEstimate[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (!(values[i] > 0) || double.IsInfinity(values[i]))
            {
                throw new ArgumentOutOfRangeException(names[i], values[i], Guard.Invariant($"The {model} parameter {names[i]} must be a finite number > 0; it was {values[i]}."));
            }

            list[i] = new ParameterEstimate(names[i], values[i], double.NaN);
        }

        return list;
    }
}
