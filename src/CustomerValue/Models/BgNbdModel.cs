namespace CustomerValue.Models;

/// <summary>
/// The BG/NBD model of Fader, Hardie and Lee (2005): while active, a customer buys at a Poisson rate
/// lambda ~ Gamma(r, alpha) and after each repeat purchase drops out with probability p ~ Beta(a, b).
/// Because dropout can only follow a purchase, every customer without repeat purchases is alive with
/// probability 1 (a model property, not a defect); use <see cref="MbgNbdModel"/> when that matters.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class BgNbdModel : PurchaseModel
{
    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    /// <summary>Creates a model from known parameters (for example, published estimates or a stored fit).</summary>
    /// <param name="r">The shape of the purchase-rate gamma distribution, &gt; 0.</param>
    /// <param name="alpha">The scale of the purchase-rate gamma distribution, in <paramref name="timeUnit"/>, &gt; 0.</param>
    /// <param name="a">The first shape of the dropout-probability beta distribution, &gt; 0.</param>
    /// <param name="b">The second shape of the dropout-probability beta distribution, &gt; 0.</param>
    /// <param name="timeUnit">The unit of the data the parameters belong to.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0, or the unit is not defined.</exception>
    public BgNbdModel(double r, double alpha, double a, double b, ModelTimeUnit timeUnit)
        : this(timeUnit, Given(Names, [r, alpha, a, b], "BG/NBD"), null)
    {
    }

    private BgNbdModel(ModelTimeUnit timeUnit, IReadOnlyList<ParameterEstimate> parameters, FitDiagnostics? diagnostics)
        : base(timeUnit, parameters, diagnostics)
    {
        R = parameters[0].Value;
        Alpha = parameters[1].Value;
        A = parameters[2].Value;
        B = parameters[3].Value;
    }

    /// <summary>Gets r, the shape of the purchase-rate gamma distribution.</summary>
    public double R { get; }

    /// <summary>Gets alpha, the scale of the purchase-rate gamma distribution (in <see cref="PurchaseModel.TimeUnit"/>).</summary>
    public double Alpha { get; }

    /// <summary>Gets a, the first shape of the dropout-probability beta distribution.</summary>
    public double A { get; }

    /// <summary>Gets b, the second shape of the dropout-probability beta distribution.</summary>
    public double B { get; }

    /// <summary>Fits the model by maximum likelihood, one row per customer.</summary>
    /// <param name="frequency">The numbers of repeat purchases (whole numbers &gt;= 0).</param>
    /// <param name="recency">The times from the first to the last purchase (0 when frequency is 0).</param>
    /// <param name="age">The times T from the first purchase to the end of the calibration period (&gt;= recency).</param>
    /// <param name="timeUnit">The unit of <paramref name="recency"/> and <paramref name="age"/>.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A row is invalid; the message names the row and the field.</exception>
    /// <exception cref="ModelConvergenceException">The fit did not converge.</exception>
    public static BgNbdModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ModelTimeUnit timeUnit)
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
    public static BgNbdModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> weights, ModelTimeUnit timeUnit, ModelFitOptions? options)
    {
        TimeUnits.Validate(timeUnit, nameof(timeUnit));
        var rows = SummaryRows.ForPurchases(frequency, recency, age, weights);
        var result = MaximumLikelihood.Fit("BG/NBD", Names, BgFamilyLikelihood.Start(rows), (p, gradient) => BgFamilyLikelihood.Evaluate(rows, p, gradient, dropAtFirstPurchase: false), rows, options ?? ModelFitOptions.Default);
        return new BgNbdModel(timeUnit, result.Estimates(Names), result.Diagnostics);
    }

    internal override double ProbabilityAliveCore(double x, double tx, double age)
        => x == 0 ? 1.0 : SpecialMath.Logistic(Math.Log(A / (B + x - 1)) + ((R + x) * Math.Log((Alpha + age) / (Alpha + tx))));

    internal override double ActivePurchasesCore(double x, double age, double t)
    {
        var scale = Alpha + age;
        return SpecialMath.ActivePurchases(R + x, B + x, A + B + x - 1, t / (scale + t), -SpecialMath.Log1P(t / scale));
    }

    internal override double NewCustomerPurchasesCore(double t)
        => SpecialMath.ActivePurchases(R, B, A + B - 1, t / (Alpha + t), -SpecialMath.Log1P(t / Alpha));

    internal override double ProbabilityOfPurchasesCore(int n, double t)
    {
        var lnBetaAb = SpecialMath.BetaLn(A, B);
        var stay = Math.Exp(SpecialMath.BetaLn(A, B + n) - lnBetaAb + LogNegativeBinomial(n, R, Alpha, t));
        return n == 0 ? stay : stay + (Math.Exp(SpecialMath.BetaLn(A + 1, B + n - 1) - lnBetaAb) * NegativeBinomialTail(n, R, Alpha, t));
    }
}
