using CustomerValue.Internal;

namespace CustomerValue.Models;

/// <summary>
/// The Gamma-Gamma spend model (Fader and Hardie 2013 note, after Colombo and Jiang 1999): a customer's transaction
/// values are Gamma(p, nu) with nu ~ Gamma(q, v), so the average of x repeat transactions is informative about the
/// customer's mean spend E[Z] = p / nu. Fitted on repeat customers only (frequency &gt; 0) and assumed independent of
/// the purchase process. Immutable and safe to share between threads.
/// </summary>
public sealed class GammaGammaModel
{
    private static readonly string[] Names = ["p", "q", "v"];

    /// <summary>Creates a model from known parameters (for example, published estimates or a stored fit).</summary>
    /// <param name="p">The shape of the transaction-value gamma distribution, &gt; 0.</param>
    /// <param name="q">The shape of the gamma distribution of the customers' rate parameter, &gt; 0.</param>
    /// <param name="v">The scale of the gamma distribution of the customers' rate parameter (in money), &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a finite number &gt; 0.</exception>
    public GammaGammaModel(double p, double q, double v)
        : this(PurchaseModel.Given(Names, [p, q, v], "Gamma-Gamma"), null)
    {
    }

    private GammaGammaModel(IReadOnlyList<ParameterEstimate> parameters, FitDiagnostics? diagnostics)
    {
        Parameters = parameters;
        Diagnostics = diagnostics;
        P = parameters[0].Value;
        Q = parameters[1].Value;
        V = parameters[2].Value;
    }

    /// <summary>Gets p, the shape of the transaction-value gamma distribution.</summary>
    public double P { get; }

    /// <summary>Gets q, the shape of the gamma distribution of the customers' rate parameter; the population mean spend exists only when q &gt; 1.</summary>
    public double Q { get; }

    /// <summary>Gets v, the scale of the gamma distribution of the customers' rate parameter (in money).</summary>
    public double V { get; }

    /// <summary>Gets the parameters p, q, v with their standard errors.</summary>
    public IReadOnlyList<ParameterEstimate> Parameters { get; }

    /// <summary>Gets how the fit went, or null when the model was created from given parameters.</summary>
    public FitDiagnostics? Diagnostics { get; }

    /// <summary>Fits the model by maximum likelihood. Rows with frequency 0 carry no spend information and are left out (the diagnostics count the customers used).</summary>
    /// <param name="frequency">The numbers of repeat purchases (whole numbers &gt;= 0).</param>
    /// <param name="monetaryValue">The average value of the repeat purchases (&gt; 0 where frequency &gt; 0; ignored where it is 0).</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A row is invalid (the message names the row and field), or no row has frequency &gt; 0.</exception>
    /// <exception cref="ModelConvergenceException">The fit did not converge.</exception>
    public static GammaGammaModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue)
        => Fit(frequency, monetaryValue, default, null);

    /// <summary>Fits the model by maximum likelihood on weighted rows. Rows with frequency 0 are left out.</summary>
    /// <param name="frequency">The numbers of repeat purchases (whole numbers &gt;= 0).</param>
    /// <param name="monetaryValue">The average value of the repeat purchases (&gt; 0 where frequency &gt; 0; ignored where it is 0).</param>
    /// <param name="weights">The row weights (finite, &gt;= 0), or empty for all 1.</param>
    /// <param name="options">The fit options, or null for <see cref="ModelFitOptions.Default"/>.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentException">A row is invalid (the message names the row and field), or no row has frequency &gt; 0.</exception>
    /// <exception cref="ModelConvergenceException">The fit did not converge.</exception>
    public static GammaGammaModel Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, ReadOnlySpan<double> weights, ModelFitOptions? options)
    {
        var rows = SummaryRows.ForSpend(frequency, monetaryValue, weights);
        var result = MaximumLikelihood.Fit("Gamma-Gamma", Names, [1.0, 1.0, 1.0], p => LogLikelihood(rows, p), rows, options ?? ModelFitOptions.Default);
        return new GammaGammaModel(result.Estimates(Names), result.Diagnostics);
    }

    internal static double LogLikelihood(SummaryRows rows, double[] parameters)
    {
        double p = parameters[0], q = parameters[1], v = parameters[2];
        var head = (q * Math.Log(v)) - SpecialMath.GammaLn(q);
        var x = rows.First;
        var m = rows.Second;
        var w = rows.Weight;
        var currentX = double.NaN;
        double common = 0, px = 0, lnX = 0;
        var total = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            var xi = x[i];
            if (xi != currentX)
            {
                currentX = xi;
                px = p * xi;
                lnX = Math.Log(xi);
                common = SpecialMath.GammaLn(px + q) - SpecialMath.GammaLn(px) + (px * lnX);
            }

            var value = common + ((px - 1) * Math.Log(m[i])) - ((px + q) * Math.Log(v + (m[i] * xi)));
            total += w[i] * (head + value);
        }

        return total;
    }

    /// <summary>Gets the population mean spend per transaction, p v / (q - 1): the expected average spend of a customer without repeat purchases.</summary>
    /// <returns>The mean spend.</returns>
    /// <exception cref="InvalidOperationException">q &lt;= 1, so the mean is infinite.</exception>
    public double PopulationMeanSpend() => ExpectedAverageSpend(0, 0);

    /// <summary>
    /// Gets the expected average spend per transaction of a customer, p (v + x m) / (p x + q - 1): a weighted mean of
    /// the population mean and the customer's own average <paramref name="monetaryValue"/>.
    /// </summary>
    /// <param name="frequency">The number of repeat purchases (a whole number &gt;= 0).</param>
    /// <param name="monetaryValue">The customer's average repeat-purchase value (finite, &gt;= 0; ignored when frequency is 0).</param>
    /// <returns>The expected average spend, &gt; 0.</returns>
    /// <exception cref="ArgumentException">The frequency or monetary value is invalid.</exception>
    /// <exception cref="InvalidOperationException">p x + q &lt;= 1, so the expected spend is infinite (only possible when q &lt;= 1).</exception>
    public double ExpectedAverageSpend(double frequency, double monetaryValue)
    {
        CheckRow(0, frequency, monetaryValue);
        return SpendCore(frequency, monetaryValue);
    }

    /// <summary>Computes <see cref="ExpectedAverageSpend"/> for many customers; allocates nothing per customer.</summary>
    /// <param name="frequency">The numbers of repeat purchases.</param>
    /// <param name="monetaryValue">The average repeat-purchase values.</param>
    /// <param name="result">Receives the expected average spend per customer.</param>
    /// <exception cref="ArgumentException">The spans differ in length, or a row is invalid (the message names the row).</exception>
    /// <exception cref="InvalidOperationException">For some row p x + q &lt;= 1.</exception>
    public void ExpectedAverageSpendInto(ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetaryValue, Span<double> result)
    {
        if (monetaryValue.Length != frequency.Length || result.Length != frequency.Length)
        {
            throw new ArgumentException(Guard.Invariant($"The spans must have the same length; frequency has {frequency.Length}, monetaryValue {monetaryValue.Length}, result {result.Length}."), nameof(result));
        }

        for (var i = 0; i < frequency.Length; i++)
        {
            CheckRow(i, frequency[i], monetaryValue[i]);
            result[i] = SpendCore(frequency[i], monetaryValue[i]);
        }
    }

    internal double SpendCore(double x, double m)
    {
        var denominator = (P * x) + Q - 1;
        if (!(denominator > 0))
        {
            throw new InvalidOperationException(Guard.Invariant($"The Gamma-Gamma expected spend is infinite for frequency {x}: p x + q - 1 = {denominator} <= 0 (p = {P}, q = {Q}). With q <= 1 the spend distribution has no mean; refit with more repeat customers or ModelFitOptions.L2Penalty, or leave customers with few purchases out of CLV."));
        }

        return x == 0 ? P * V / denominator : P * (V + (x * m)) / denominator;
    }

    internal static void CheckRow(int i, double frequency, double monetaryValue)
    {
        if (!double.IsFinite(frequency) || frequency < 0 || frequency != Math.Floor(frequency))
        {
            throw new ArgumentException(Guard.Invariant($"Row {i}: frequency must be a whole number >= 0; it was {frequency}."), nameof(frequency));
        }

        if (!double.IsFinite(monetaryValue) || monetaryValue < 0)
        {
            throw new ArgumentException(Guard.Invariant($"Row {i}: monetaryValue must be a finite amount >= 0; it was {monetaryValue}."), nameof(monetaryValue));
        }
    }
}
