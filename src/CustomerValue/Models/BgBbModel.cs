using CustomerValue.Internal;
using MathNet.Numerics;

namespace CustomerValue.Models;

/// <summary>
/// The BG/BB model of Fader, Hardie and Shang (2010) for discrete transaction opportunities (one per period): while
/// active, a customer transacts in a period with probability p ~ Beta(alpha, beta), and becomes inactive at the
/// start of each later period with probability theta ~ Beta(gamma, delta). Data per customer: frequency x (periods
/// with a transaction after the first), recency t_x (the last such period, 0 if none) and the number of periods n.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class BgBbModel
{
    private static readonly string[] Names = ["alpha", "beta", "gamma", "delta"];

    /// <summary>Creates a model from known parameters (for example, published estimates or a stored fit).</summary>
    /// <param name="alpha">The first shape of the transaction-probability beta distribution, &gt; 0.</param>
    /// <param name="beta">The second shape of the transaction-probability beta distribution, &gt; 0.</param>
    /// <param name="gamma">The first shape of the dropout-probability beta distribution, &gt; 0.</param>
    /// <param name="delta">The second shape of the dropout-probability beta distribution, &gt; 0.</param>
    /// <param name="periodUnit">The length of one period (one transaction opportunity).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0, or the unit is not defined.</exception>
    public BgBbModel(double alpha, double beta, double gamma, double delta, ModelTimeUnit periodUnit)
        : this(periodUnit, PurchaseModel.Given(Names, [alpha, beta, gamma, delta], "BG/BB"), null)
    {
    }

    private BgBbModel(ModelTimeUnit periodUnit, IReadOnlyList<ParameterEstimate> parameters, FitDiagnostics? diagnostics)
    {
        TimeUnits.Validate(periodUnit, nameof(periodUnit));
        PeriodUnit = periodUnit;
        Parameters = parameters;
        Diagnostics = diagnostics;
        Alpha = parameters[0].Value;
        Beta = parameters[1].Value;
        Gamma = parameters[2].Value;
        Delta = parameters[3].Value;
    }

    /// <summary>Gets the length of one period; horizons are converted to whole numbers of periods.</summary>
    public ModelTimeUnit PeriodUnit { get; }

    /// <summary>Gets alpha, the first shape of the transaction-probability beta distribution.</summary>
    public double Alpha { get; }

    /// <summary>Gets beta, the second shape of the transaction-probability beta distribution.</summary>
    public double Beta { get; }

    /// <summary>Gets gamma, the first shape of the dropout-probability beta distribution.</summary>
    public double Gamma { get; }

    /// <summary>Gets delta, the second shape of the dropout-probability beta distribution.</summary>
    public double Delta { get; }

    /// <summary>Gets the parameters alpha, beta, gamma, delta with their standard errors.</summary>
    public IReadOnlyList<ParameterEstimate> Parameters { get; }

    /// <summary>Gets how the fit went, or null when the model was created from given parameters.</summary>
    public FitDiagnostics? Diagnostics { get; }

    /// <summary>Fits the model by maximum likelihood, one row per customer.</summary>
    /// <param name="frequency">The numbers of periods with a repeat transaction (whole numbers, &lt;= recency).</param>
    /// <param name="recency">The last period with a transaction (whole numbers, 0 when frequency is 0, &lt;= periods).</param>
    /// <param name="periods">The numbers of transaction opportunities after the first transaction (whole numbers).</param>
    /// <param name="periodUnit">The length of one period.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A row is invalid; the message names the row and the field.</exception>
    /// <exception cref="ModelConvergenceException">The fit did not converge.</exception>
    public static BgBbModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> periods, ModelTimeUnit periodUnit)
        => Fit(frequency, recency, periods, default, periodUnit, null);

    /// <summary>Fits the model by maximum likelihood on weighted rows (a weight is the number of customers with that pattern).</summary>
    /// <param name="frequency">The numbers of periods with a repeat transaction (whole numbers, &lt;= recency).</param>
    /// <param name="recency">The last period with a transaction (whole numbers, 0 when frequency is 0, &lt;= periods).</param>
    /// <param name="periods">The numbers of transaction opportunities after the first transaction (whole numbers).</param>
    /// <param name="weights">The row weights (finite, &gt;= 0), or empty for all 1.</param>
    /// <param name="periodUnit">The length of one period.</param>
    /// <param name="options">The fit options, or null for <see cref="ModelFitOptions.Default"/>.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A row is invalid; the message names the row and the field.</exception>
    /// <exception cref="ModelConvergenceException">The fit did not converge.</exception>
    public static BgBbModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> periods, ReadOnlySpan<double> weights, ModelTimeUnit periodUnit, ModelFitOptions? options)
    {
        TimeUnits.Validate(periodUnit, nameof(periodUnit));
        var rows = SummaryRows.ForPeriods(frequency, recency, periods, weights);
        var result = MaximumLikelihood.Fit("BG/BB", Names, [1.0, 1.0, 1.0, 1.0], p => LogLikelihood(rows, p), rows, options ?? ModelFitOptions.Default);
        return new BgBbModel(periodUnit, result.Estimates(Names), result.Diagnostics);
    }

    internal static double LogLikelihood(SummaryRows rows, double[] p)
    {
        var total = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            total += rows.Weight[i] * LogLikelihood(p[0], p[1], p[2], p[3], rows.First[i], rows.Second[i], rows.Third[i]);
        }

        return total;
    }

    /// <summary>
    /// ln L = ln[B(a+x, b+n-x)/B(a,b) B(g, d+n)/B(g,d) + sum_{i=0}^{n-t_x-1} B(a+x, b+t_x-x+i)/B(a,b) B(g+1, d+t_x+i)/B(g,d)].
    /// The sum's terms decrease, each the previous times two ratios below 1, so it is summed relative to its first term.
    /// </summary>
    private static double LogLikelihood(double a, double b, double g, double d, double x, double tx, double n)
    {
        var lnBab = SpecialMath.BetaLn(a, b);
        var lnBgd = SpecialMath.BetaLn(g, d);
        var alive = SpecialMath.BetaLn(a + x, b + n - x) - lnBab + SpecialMath.BetaLn(g, d + n) - lnBgd;
        var count = n - tx;
        if (count < 1)
        {
            return alive;
        }

        var first = SpecialMath.BetaLn(a + x, b + tx - x) - lnBab + SpecialMath.BetaLn(g + 1, d + tx) - lnBgd;
        var sum = 1.0;
        var term = 1.0;
        for (var i = 0; i < count - 1; i++)
        {
            term *= (b + tx - x + i) / (a + b + tx + i) * ((d + tx + i) / (g + d + tx + i + 1));
            sum += term;
        }

        return SpecialMath.LogSumExp(alive, first + Math.Log(sum));
    }

    /// <summary>Gets the probability that a customer with this history is active in the next period (n + 1).</summary>
    /// <param name="frequency">The number of periods with a repeat transaction.</param>
    /// <param name="recency">The last period with a transaction (0 if none).</param>
    /// <param name="periods">The number of transaction opportunities so far.</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <exception cref="ArgumentException">The history is invalid.</exception>
    public double ProbabilityAlive(double frequency, double recency, double periods)
    {
        SummaryRows.CheckPeriodRow(0, frequency, recency, periods);
        return AliveCore(frequency, recency, periods);
    }

    /// <summary>Gets the expected number of transactions in the <paramref name="horizon"/> after the calibration periods.</summary>
    /// <param name="horizon">The prediction period; must be a whole number of <see cref="PeriodUnit"/>.</param>
    /// <param name="frequency">The number of periods with a repeat transaction.</param>
    /// <param name="recency">The last period with a transaction (0 if none).</param>
    /// <param name="periods">The number of transaction opportunities so far.</param>
    /// <returns>The expected number of transactions, &gt;= 0.</returns>
    /// <exception cref="ArgumentException">The history is invalid, or the horizon is not a whole number of periods.</exception>
    public double ExpectedPurchases(Horizon horizon, double frequency, double recency, double periods)
    {
        SummaryRows.CheckPeriodRow(0, frequency, recency, periods);
        return ExpectedCore(Periods(horizon), frequency, recency, periods);
    }

    /// <summary>Gets the expected number of repeat transactions E[X(n)] of a new customer in the <paramref name="horizon"/> after the first transaction.</summary>
    /// <param name="horizon">The period; must be a whole number of <see cref="PeriodUnit"/>.</param>
    /// <returns>The expected number of transactions, &gt;= 0.</returns>
    /// <exception cref="ArgumentException">The horizon is not a whole number of periods.</exception>
    public double ExpectedPurchasesOfNewCustomer(Horizon horizon)
        => Alpha / (Alpha + Beta) * Delta * FutureFactor(0, Periods(horizon));

    /// <summary>Gets the probability P(X(n) = x) that a new customer transacts in exactly <paramref name="count"/> of the next n periods.</summary>
    /// <param name="count">The number of transactions x, &gt;= 0.</param>
    /// <param name="horizon">The period n; must be a whole number of <see cref="PeriodUnit"/>.</param>
    /// <returns>The probability, in [0, 1].</returns>
    /// <exception cref="ArgumentException">The horizon is not a whole number of periods.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public double ProbabilityOfPurchases(int count, Horizon horizon)
    {
        Guard.InRange(count, 0, int.MaxValue, nameof(count));
        var n = Periods(horizon);
        if (count > n)
        {
            return 0.0;
        }

        var lnBab = SpecialMath.BetaLn(Alpha, Beta);
        var lnBgd = SpecialMath.BetaLn(Gamma, Delta);
        var total = Math.Exp(LogChoose(n, count) + SpecialMath.BetaLn(Alpha + count, Beta + n - count) - lnBab + SpecialMath.BetaLn(Gamma, Delta + n) - lnBgd);
        for (var i = count; i < n; i++)
        {
            total += Math.Exp(LogChoose(i, count) + SpecialMath.BetaLn(Alpha + count, Beta + i - count) - lnBab + SpecialMath.BetaLn(Gamma + 1, Delta + i) - lnBgd);
        }

        return Math.Clamp(total, 0.0, 1.0);
    }

    /// <summary>Predicts P(alive) and expected transactions for many customers; allocates nothing per customer. Pass an empty span to skip an output.</summary>
    /// <param name="frequency">The numbers of periods with a repeat transaction.</param>
    /// <param name="recency">The last periods with a transaction.</param>
    /// <param name="periods">The numbers of transaction opportunities so far.</param>
    /// <param name="horizon">The prediction period; must be a whole number of <see cref="PeriodUnit"/>.</param>
    /// <param name="probabilityAlive">Receives P(alive) per customer, or empty.</param>
    /// <param name="expectedPurchases">Receives the expected transactions per customer, or empty.</param>
    /// <exception cref="ArgumentException">The spans differ in length, a row is invalid, or the horizon is not a whole number of periods.</exception>
    public void PredictInto(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> periods, Horizon horizon, Span<double> probabilityAlive, Span<double> expectedPurchases)
    {
        var n = frequency.Length;
        if (recency.Length != n || periods.Length != n)
        {
            throw new ArgumentException(Guard.Invariant($"The columns must have the same length; frequency has {n} rows, recency {recency.Length}, periods {periods.Length}."), recency.Length != n ? nameof(recency) : nameof(periods));
        }

        PurchaseModel.CheckOutput(n, probabilityAlive.Length, nameof(probabilityAlive));
        PurchaseModel.CheckOutput(n, expectedPurchases.Length, nameof(expectedPurchases));
        var future = Periods(horizon);
        for (var i = 0; i < n; i++)
        {
            SummaryRows.CheckPeriodRow(i, frequency[i], recency[i], periods[i]);
            if (!probabilityAlive.IsEmpty)
            {
                probabilityAlive[i] = AliveCore(frequency[i], recency[i], periods[i]);
            }

            if (!expectedPurchases.IsEmpty)
            {
                expectedPurchases[i] = ExpectedCore(future, frequency[i], recency[i], periods[i]);
            }
        }
    }

    private double AliveCore(double x, double tx, double n)
    {
        var lnL = LogLikelihood(Alpha, Beta, Gamma, Delta, x, tx, n);
        var value = SpecialMath.BetaLn(Alpha + x, Beta + n - x) - SpecialMath.BetaLn(Alpha, Beta) + SpecialMath.BetaLn(Gamma, Delta + n + 1) - SpecialMath.BetaLn(Gamma, Delta) - lnL;
        return Math.Clamp(Math.Exp(value), 0.0, 1.0);
    }

    private double ExpectedCore(int future, double x, double tx, double n)
    {
        if (future == 0)
        {
            return 0.0;
        }

        var lnL = LogLikelihood(Alpha, Beta, Gamma, Delta, x, tx, n);
        var weight = Math.Exp(SpecialMath.BetaLn(Alpha + x + 1, Beta + n - x) - SpecialMath.BetaLn(Alpha, Beta) - lnL);
        return weight * Delta * FutureFactor(n, future);
    }

    /// <summary>
    /// Gamma(g+d)/Gamma(1+d) [Gamma(1+d+n)/Gamma(g+d+n) - Gamma(1+d+n+m)/Gamma(g+d+n+m)] / (g - 1),
    /// with the difference formed as -expm1 of a sum of log1p terms so that it stays accurate near g = 1.
    /// </summary>
    private double FutureFactor(double n, int m)
    {
        if (m == 0)
        {
            return 0.0;
        }

        double g = Gamma, d = Delta;
        var head = SpecialMath.GammaLn(g + d) - SpecialMath.GammaLn(1 + d) + SpecialMath.GammaLn(1 + d + n) - SpecialMath.GammaLn(g + d + n);
        var shift = g - 1;
        double logRatio = 0, harmonic = 0;
        if (m <= 10_000)
        {
            for (var j = 0; j < m; j++)
            {
                var u = 1 + d + n + j;
                logRatio -= SpecialMath.Log1P(shift / u);
                harmonic += 1 / u;
            }
        }
        else
        {
            logRatio = SpecialMath.GammaLn(1 + d + n + m) - SpecialMath.GammaLn(1 + d + n) - SpecialMath.GammaLn(g + d + n + m) + SpecialMath.GammaLn(g + d + n);
            harmonic = SpecialFunctions.DiGamma(1 + d + n + m) - SpecialFunctions.DiGamma(1 + d + n);
        }

        var quotient = Math.Abs(shift) < 1e-9 ? harmonic : -SpecialMath.Expm1(logRatio) / shift;
        return Math.Exp(head) * quotient;
    }

    private static double LogChoose(int n, int k) => SpecialFunctions.BinomialLn(n, k);

    private int Periods(Horizon horizon)
    {
        var value = horizon.In(PeriodUnit);
        var rounded = Math.Round(value);
        if (Math.Abs(value - rounded) > 1e-9 * Math.Max(1.0, value) || rounded > int.MaxValue)
        {
            throw new ArgumentException(Guard.Invariant($"The BG/BB horizon must be a whole number of periods ({PeriodUnit}); it is {value} periods ({horizon.Value} {horizon.Unit})."), nameof(horizon));
        }

        return (int)rounded;
    }
}
