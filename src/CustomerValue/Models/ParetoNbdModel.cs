using MathNet.Numerics.Integration;

namespace CustomerValue.Models;

/// <summary>
/// The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), estimated as in Fader, Hardie and Lee (2005):
/// while active, a customer buys at a Poisson rate lambda ~ Gamma(r, alpha) and stays active for an exponential
/// lifetime with rate mu ~ Gamma(s, beta). The Gauss hypergeometric function of the likelihood is evaluated in its
/// Euler-transformed form, whose argument stays in [0, 1) and whose terms are positive and decreasing, in log space,
/// so it neither overflows nor returns NaN for any parameters or history.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class ParetoNbdModel : PurchaseModel
{
    private static readonly string[] Names = ["r", "alpha", "s", "beta"];

    /// <summary>Creates a model from known parameters (for example, published estimates or a stored fit).</summary>
    /// <param name="r">The shape of the purchase-rate gamma distribution, &gt; 0.</param>
    /// <param name="alpha">The scale of the purchase-rate gamma distribution, in <paramref name="timeUnit"/>, &gt; 0.</param>
    /// <param name="s">The shape of the dropout-rate gamma distribution, &gt; 0.</param>
    /// <param name="beta">The scale of the dropout-rate gamma distribution, in <paramref name="timeUnit"/>, &gt; 0.</param>
    /// <param name="timeUnit">The unit of the data the parameters belong to.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0, or the unit is not defined.</exception>
    public ParetoNbdModel(double r, double alpha, double s, double beta, ModelTimeUnit timeUnit)
        : this(timeUnit, Given(Names, [r, alpha, s, beta], "Pareto/NBD"), null)
    {
    }

    private ParetoNbdModel(ModelTimeUnit timeUnit, IReadOnlyList<ParameterEstimate> parameters, FitDiagnostics? diagnostics)
        : base(timeUnit, parameters, diagnostics)
    {
        R = parameters[0].Value;
        Alpha = parameters[1].Value;
        S = parameters[2].Value;
        Beta = parameters[3].Value;
    }

    /// <summary>Gets r, the shape of the purchase-rate gamma distribution.</summary>
    public double R { get; }

    /// <summary>Gets alpha, the scale of the purchase-rate gamma distribution (in <see cref="PurchaseModel.TimeUnit"/>).</summary>
    public double Alpha { get; }

    /// <summary>Gets s, the shape of the dropout-rate gamma distribution.</summary>
    public double S { get; }

    /// <summary>Gets beta, the scale of the dropout-rate gamma distribution (in <see cref="PurchaseModel.TimeUnit"/>).</summary>
    public double Beta { get; }

    /// <summary>Fits the model by maximum likelihood, one row per customer.</summary>
    /// <param name="frequency">The numbers of repeat purchases (whole numbers &gt;= 0).</param>
    /// <param name="recency">The times from the first to the last purchase (0 when frequency is 0).</param>
    /// <param name="age">The times T from the first purchase to the end of the calibration period (&gt;= recency).</param>
    /// <param name="timeUnit">The unit of <paramref name="recency"/> and <paramref name="age"/>.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A row is invalid; the message names the row and the field.</exception>
    /// <exception cref="ModelConvergenceException">The fit did not converge.</exception>
    public static ParetoNbdModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ModelTimeUnit timeUnit)
        => Fit(frequency, recency, age, default, timeUnit, null);

    /// <summary>Fits the model by maximum likelihood on weighted rows (a weight is the number of customers with that history).</summary>
    /// <param name="frequency">The numbers of repeat purchases (whole numbers &gt;= 0).</param>
    /// <param name="recency">The times from the first to the last purchase (0 when frequency is 0).</param>
    /// <param name="age">The times T from the first purchase to the end of the calibration period (&gt;= recency).</param>
    /// <param name="weights">The row weights (finite, &gt;= 0), or empty for all 1.</param>
    /// <param name="timeUnit">The unit of <paramref name="recency"/> and <paramref name="age"/>.</param>
    /// <param name="options">The fit options, or null for <see cref="ModelFitOptions.Default"/>.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A row is invalid; the message names the row and the field.</exception>
    /// <exception cref="ModelConvergenceException">The fit did not converge.</exception>
    public static ParetoNbdModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> weights, ModelTimeUnit timeUnit, ModelFitOptions? options)
    {
        TimeUnits.Validate(timeUnit, nameof(timeUnit));
        var rows = SummaryRows.ForPurchases(frequency, recency, age, weights);
        var result = MaximumLikelihood.Fit("Pareto/NBD", Names, [1.0, 1.0, 1.0, 1.0], LogLikelihoodOver(rows), rows, options ?? ModelFitOptions.Default);
        return new ParetoNbdModel(timeUnit, result.Estimates(Names), result.Diagnostics);
    }

    /// <summary>
    /// The weighted log-likelihood of <paramref name="rows"/> as a function of the parameters, summed over fixed blocks
    /// of the sorted rows (in parallel when there are several) and then over the blocks in order, so the result does not
    /// depend on the thread count or the input order. Each block keeps its tail memo across evaluations, so one function
    /// must not be called from two threads at once (the optimiser calls it sequentially).
    /// </summary>
    internal static Func<double[], double> LogLikelihoodOver(SummaryRows rows)
    {
        var blocks = (rows.Count + BlockSize - 1) / BlockSize;
        var memos = new RowMemo[blocks];
        for (var b = 0; b < blocks; b++)
        {
            memos[b] = new RowMemo();
        }

        var partial = new double[blocks];
        return p =>
        {
            if (blocks == 1)
            {
                return LogLikelihood(rows, p, 0, rows.Count, memos[0]);
            }

            Parallel.For(0, blocks, b => partial[b] = LogLikelihood(rows, p, b * BlockSize, Math.Min(rows.Count, (b + 1) * BlockSize), memos[b]));
            var total = 0.0;
            foreach (var value in partial)
            {
                total += value;
            }

            return total;
        };
    }

    private const int BlockSize = 8192;

    private static double LogLikelihood(SummaryRows rows, double[] p, int start, int end, RowMemo tails)
    {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        var head = (r * Math.Log(alpha)) + (s * Math.Log(beta)) - SpecialMath.GammaLn(r);
        var lnS = Math.Log(s);
        var x = rows.First;
        var tx = rows.Second;
        var age = rows.Third;
        var w = rows.Weight;
        var currentX = double.NaN;
        var lnGammaRx = 0.0;
        var total = 0.0;

        // The tail integral depends on (x, y) only, and recencies and ages repeat across many rows of the same frequency;
        // the memo holds values for the previous parameters, so it starts empty.
        tails.Clear();
        for (var i = start; i < end; i++)
        {
            var xi = x[i];
            if (xi != currentX)
            {
                currentX = xi;
                lnGammaRx = SpecialMath.GammaLn(r + xi);
            }

            var value = LogBracket(r, alpha, s, beta, lnS, xi, tx[i], age[i], tails, out _);
            total += w[i] * (head + lnGammaRx + value);
        }

        return total;
    }

    /// <summary>
    /// ln[(alpha+T)^-(r+x) (beta+T)^-s + s I], I = integral from t_x to T of (alpha+u)^-(r+x) (beta+u)^-(s+1) du;
    /// <paramref name="logOdds"/> receives ln(s I) - ln(first term), the log-odds of having dropped out.
    /// </summary>
    private static double LogBracket(double r, double alpha, double s, double beta, double lnS, double x, double tx, double age, RowMemo? tails, out double logOdds)
    {
        var rx = r + x;
        var alive = -(rx * Math.Log(alpha + age)) - (s * Math.Log(beta + age));
        if (tx >= age)
        {
            logOdds = double.NegativeInfinity;
            return alive;
        }

        var atTx = MemoTail(r, alpha, s, beta, x, tx, tails);
        var atAge = MemoTail(r, alpha, s, beta, x, age, tails);
        var dropped = lnS + atTx + Math.Log(-SpecialMath.Expm1(atAge - atTx));
        logOdds = dropped - alive;
        return SpecialMath.LogSumExp(alive, dropped);
    }

    private static double MemoTail(double r, double alpha, double s, double beta, double x, double y, RowMemo? tails)
    {
        if (tails is null)
        {
            return LogTail(r, alpha, s, beta, x, y);
        }

        if (!tails.TryGet(x, y, 0.0, out var value, out var slot))
        {
            value = LogTail(r, alpha, s, beta, x, y);
            tails.Store(slot, x, y, 0.0, value);
        }

        return value;
    }

    /// <summary>
    /// ln of the integral from y to infinity of (alpha+u)^-(r+x) (beta+u)^-(s+1) du
    /// = (M+y)^-K / K 2F1(K, B; K+1; z) with K = r+s+x, M = max(alpha, beta), z = |alpha-beta| / (M+y),
    /// B = s+1 when alpha &gt;= beta and r+x otherwise; Euler's transformation turns the 2F1 into
    /// (1-z)^(1-B) sum (K+1-B)_n / (K+1)_n z^n, and 1 - z = (min(alpha, beta)+y) / (M+y) is computed without cancellation.
    /// </summary>
    private static double LogTail(double r, double alpha, double s, double beta, double x, double y)
    {
        var k = r + s + x;
        double big, small, b;
        if (alpha >= beta)
        {
            big = alpha;
            small = beta;
            b = s + 1;
        }
        else
        {
            big = beta;
            small = alpha;
            b = r + x;
        }

        var lnBig = Math.Log(big + y);
        var ln1mz = Math.Log(small + y) - lnBig;
        var z = (big - small) / (big + y);
        return (-k * lnBig) - Math.Log(k) + ((1 - b) * ln1mz) + SpecialMath.LogRatioSeries(k + 1 - b, k + 1, z);
    }

    internal override double ProbabilityAliveCore(double x, double tx, double age)
    {
        _ = LogBracket(R, Alpha, S, Beta, Math.Log(S), x, tx, age, null, out var logOdds);
        return SpecialMath.Logistic(logOdds);
    }

    internal override double ActivePurchasesCore(double x, double age, double t)
        => (R + x) * (Beta + age) / (Alpha + age) * SpecialMath.OneMinusExpOverK(S - 1, SpecialMath.Log1P(t / (Beta + age)));

    internal override double NewCustomerPurchasesCore(double t)
        => R * Beta / Alpha * SpecialMath.OneMinusExpOverK(S - 1, SpecialMath.Log1P(t / Beta));

    internal override double ProbabilityOfPurchasesCore(int n, double t)
    {
        // Alive throughout t with n purchases, plus dropout at u in (0, t] after exactly n purchases by then.
        var alive = Math.Exp(LogNegativeBinomial(n, R, Alpha, t) - (S * SpecialMath.Log1P(t / Beta)));
        if (t == 0)
        {
            return alive;
        }

        var constant = Math.Log(S) + (S * Math.Log(Beta)) + SpecialMath.GammaLn(R + n) - SpecialMath.GammaLn(R) - SpecialMath.GammaLn(n + 1.0) + (R * Math.Log(Alpha));
        double r = R, alpha = Alpha, s = S, beta = Beta;
        double Integrand(double u)
        {
            if (u <= 0)
            {
                return n == 0 ? Math.Exp(constant - (r * Math.Log(alpha)) - ((s + 1) * Math.Log(beta))) : 0.0;
            }

            return Math.Exp(constant + (n * Math.Log(u)) - ((r + n) * Math.Log(alpha + u)) - ((s + 1) * Math.Log(beta + u)));
        }

        var dropped = GaussKronrodRule.Integrate(Integrand, 0.0, t, out _, out _, 1e-10, 21, 20);
        return alive + dropped;
    }
}
