namespace CustomerValue.Models;

/// <summary>
/// The MBG/NBD model of Batislam, Denizel and Filiztekin (2007), as in the R package BTYDplus: the BG/NBD model
/// in which a customer may also drop out right after the first purchase, so customers without repeat purchases
/// are not certainly alive. While active, a customer buys at a Poisson rate lambda ~ Gamma(r, alpha); at the first
/// purchase and after each repeat purchase they drop out with probability p ~ Beta(a, b).
/// Immutable and safe to share between threads.
/// </summary>
public sealed class MbgNbdModel : PurchaseModel
{
    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    /// <summary>Creates a model from known parameters (for example, published estimates or a stored fit).</summary>
    /// <param name="r">The shape of the purchase-rate gamma distribution, &gt; 0.</param>
    /// <param name="alpha">The scale of the purchase-rate gamma distribution, in <paramref name="timeUnit"/>, &gt; 0.</param>
    /// <param name="a">The first shape of the dropout-probability beta distribution, &gt; 0.</param>
    /// <param name="b">The second shape of the dropout-probability beta distribution, &gt; 0.</param>
    /// <param name="timeUnit">The unit of the data the parameters belong to.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0, or the unit is not defined.</exception>
    public MbgNbdModel(double r, double alpha, double a, double b, ModelTimeUnit timeUnit)
        : this(timeUnit, Given(Names, [r, alpha, a, b], "MBG/NBD"), null)
    {
    }

    private MbgNbdModel(ModelTimeUnit timeUnit, IReadOnlyList<ParameterEstimate> parameters, FitDiagnostics? diagnostics)
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
    public static MbgNbdModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ModelTimeUnit timeUnit)
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
    public static MbgNbdModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> age, ReadOnlySpan<double> weights, ModelTimeUnit timeUnit, ModelFitOptions? options)
    {
        TimeUnits.Validate(timeUnit, nameof(timeUnit));
        var rows = SummaryRows.ForPurchases(frequency, recency, age, weights);
        var result = MaximumLikelihood.Fit("MBG/NBD", Names, BgFamilyLikelihood.Start(rows), (p, gradient) => BgFamilyLikelihood.Evaluate(rows, p, gradient, dropAtFirstPurchase: true), rows, options ?? ModelFitOptions.Default);
        return new MbgNbdModel(timeUnit, result.Estimates(Names), result.Diagnostics);
    }

    internal override double ProbabilityAliveCore(double x, double tx, double age)
        => SpecialMath.Logistic(Math.Log(A / (B + x)) + ((R + x) * Math.Log((Alpha + age) / (Alpha + tx))));

    internal override double ActivePurchasesCore(double x, double age, double t)
    {
        var scale = Alpha + age;
        return SpecialMath.ActivePurchases(R + x, B + x + 1, A + B + x, t / (scale + t), -SpecialMath.Log1P(t / scale));
    }

    internal override double NewCustomerPurchasesCore(double t)
        => B / (A + B) * SpecialMath.ActivePurchases(R, B + 1, A + B, t / (Alpha + t), -SpecialMath.Log1P(t / Alpha));

    internal override double ProbabilityOfPurchasesCore(int n, double t)
    {
        var lnBetaAb = SpecialMath.BetaLn(A, B);
        var stay = Math.Exp(SpecialMath.BetaLn(A, B + n + 1) - lnBetaAb + LogNegativeBinomial(n, R, Alpha, t));
        return stay + (Math.Exp(SpecialMath.BetaLn(A + 1, B + n) - lnBetaAb) * NegativeBinomialTail(n, R, Alpha, t));
    }
}
