using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace CustomerValue.Models;

/// <summary>Log-space special functions and the hypergeometric series the models need.</summary>
internal static class SpecialMath
{
    // Beyond this many terms the series is closed with a geometric tail estimate; only arguments within
    // about 1e-5 of 1 get there, and the estimate keeps the result finite with a small relative error.
    private const int MaxTerms = 1_000_000;
    private const double Scale = 1e200;
    private const double LogScale = 460.51701859880914; // ln(1e200)

    public static double GammaLn(double x) => SpecialFunctions.GammaLn(x);

    public static double BetaLn(double a, double b) => SpecialFunctions.GammaLn(a) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b);

    /// <summary>ln(1 + x), accurate for small x (Kahan's trick; .NET's double.LogP1 is ln(x + 1) and loses digits).</summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>e^x - 1, accurate for small x (Kahan's trick; .NET's double.ExpM1 is e^x - 1 and loses digits).</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }

        var u = Math.Exp(x);
        return u == 1.0 ? x : (u - 1.0) * x / Math.Log(u);
    }

    /// <summary>ln(e^a + e^b) without overflow.</summary>
    public static double LogSumExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Math.Log(1.0 + Math.Exp(b - a)) : b + Math.Log(1.0 + Math.Exp(a - b));
    }

    /// <summary>1 / (1 + e^u) without overflow.</summary>
    public static double Logistic(double u) => u > 0 ? Math.Exp(-u) / (1.0 + Math.Exp(-u)) : 1.0 / (1.0 + Math.Exp(u));

    /// <summary>(1 - e^(-k u)) / k, continuous at k = 0 (where it is u).</summary>
    public static double OneMinusExpOverK(double k, double u)
    {
        var ku = k * u;
        return Math.Abs(ku) < 1e-10 ? u * (1.0 - (0.5 * ku)) : -SpecialMath.Expm1(-ku) / k;
    }

    /// <summary>
    /// ln of sum_{n>=0} (u)_n / (v)_n z^n for 0 &lt; u &lt; v and 0 &lt;= z &lt; 1: the Euler-transformed form of
    /// 2F1(K, B; K + 1; z) used by the Pareto/NBD likelihood. Every term is positive and smaller than the one before
    /// (the ratio is below z), so the plain sum neither overflows nor cancels.
    /// </summary>
    public static double LogRatioSeries(double u, double v, double z)
    {
        var sum = 1.0;
        var term = 1.0;
        var ratio = 0.0;
        for (var n = 0; n < MaxTerms; n++)
        {
            ratio = (u + n) / (v + n) * z;
            term *= ratio;
            sum += term;
            if (term <= 1e-17 * sum)
            {
                return Math.Log(sum);
            }
        }

        return Math.Log(sum + (term * ratio / (1.0 - ratio)));
    }

    /// <summary>
    /// H(A, B, c, z) = (c - (1 - z)^A c 2F1(A, B; c; z)) / (c - B) for A, B &gt; 0, c &gt; -1, 0 &lt;= z &lt; 1, given
    /// ln(1 - z). This is the BG/NBD-family expected number of purchases of an active customer: with c - B = a - 1 it
    /// equals E[(1 - (1 + p w)^-A) / p] for p ~ Beta(a, B). The series for c 2F1 starts at c and continues with
    /// positive terms (c + n &gt; 0 for n &gt;= 1), summed with a running scale so that (1 - z)^-A growth cannot overflow.
    /// Near a = 1 (a removable singularity) the quotient is interpolated linearly between a = 1 - 1e-6 and a = 1 + 1e-6.
    /// When z is so close to 1 that the series would need more than <see cref="SeriesBudget"/> terms (horizons far
    /// longer than alpha + T), the expectation is integrated over p instead.
    /// </summary>
    public static double ActivePurchases(double a, double b, double c, double z, double log1mz)
    {
        if (z > 0.5 && ((a + b + 60) * z / Math.Exp(log1mz)) > SeriesBudget)
        {
            return IntegratedActivePurchases(a, b, c - b + 1, Expm1(-log1mz));
        }

        var gap = c - b;
        if (Math.Abs(gap) < 1e-6)
        {
            const double Shift = 1e-6;
            var below = ActiveCore(a, b, b - Shift, z, log1mz);
            var above = ActiveCore(a, b, b + Shift, z, log1mz);
            return below + ((above - below) * (gap + Shift) / (2 * Shift));
        }

        return ActiveCore(a, b, c, z, log1mz);
    }

    private const double SeriesBudget = 100_000;

    /// <summary>
    /// E[(1 - (1 + p w)^-A) / p] for p ~ Beta(shape, b), by adaptive Gauss-Kronrod quadrature in log p on (0, 1/2]
    /// and in log(1 - p) on [1/2, 1), where the integrands decay exponentially and endpoint singularities disappear.
    /// </summary>
    internal static double IntegratedActivePurchases(double a, double b, double shape, double w)
    {
        var lnBeta = BetaLn(shape, b);
        var lnA = Math.Log(a);
        var lnW = Math.Log(w);
        if (shape > 1.5)
        {
            // E[1/p] is finite, and at long horizons the expectation saturates at it: integrating the small deficit
            // E[(1 + p w)^-A / p] keeps the quadrature's relative error on the deficit, not on the whole value, so
            // doubling the horizon cannot lower the result (a 1e-12 quadrature error did, where the series hands over).
            var limit = (shape + b - 1) / (shape - 1);
            var deficit = IntegratedDeficit(a, b, shape, w, lnBeta, lnA, lnW);
            if (deficit <= 0.5 * limit)
            {
                return limit - deficit;
            }
        }

        double Low(double v)
        {
            // Everything in logs: p^(shape - 1) overflows for small shapes where 1 - (1 + p w)^-A underflows.
            var lnPw = v + lnW;
            var lnActive = lnA + lnPw < -30 ? lnA + lnPw : Math.Log(-Expm1(-a * Log1P(Math.Exp(lnPw))));
            return Math.Exp(((shape - 1) * v) + ((b - 1) * Log1P(-Math.Exp(v))) - lnBeta + lnActive);
        }

        double High(double u)
        {
            var q = Math.Exp(u);
            return Math.Exp(((shape - 2) * Log1P(-q)) + (b * u) - lnBeta) * -Expm1(-a * Log1P((1 - q) * w));
        }

        // Below both the beta mean and the point where p A w = 1 the low integrand falls like p^shape, and the high one
        // like (1 - p)^b towards p = 1, so 50 e-folds beyond those points leave less than e^-50 of the integral out.
        const double EFolds = 50.0;
        var half = -Math.Log(2.0);
        var lowStart = Math.Min(Math.Min(Math.Log(shape / (shape + b)), -lnA - lnW), half) - (EFolds / shape);
        var highStart = half - (EFolds / b);
        var low = GaussKronrodRule.Integrate(Low, lowStart, half, out _, out _, 1e-12, 21, 40);
        var high = GaussKronrodRule.Integrate(High, highStart, half, out _, out _, 1e-12, 21, 40);
        return low + high;
    }

    /// <summary>E[(1 + p w)^-A / p] for p ~ Beta(shape, b), shape &gt; 1, integrated like <see cref="IntegratedActivePurchases"/>.</summary>
    private static double IntegratedDeficit(double a, double b, double shape, double w, double lnBeta, double lnA, double lnW)
    {
        double Low(double v) => Math.Exp(((shape - 1) * v) + ((b - 1) * Log1P(-Math.Exp(v))) - lnBeta - (a * Log1P(Math.Exp(v + lnW))));

        double High(double u)
        {
            var q = Math.Exp(u);
            return Math.Exp(((shape - 2) * Log1P(-q)) + (b * u) - lnBeta - (a * Log1P((1 - q) * w)));
        }

        // Towards p = 0 the low integrand falls like p^(shape - 1) in log p, towards p = 1 the high one like (1 - p)^b.
        const double EFolds = 50.0;
        var half = -Math.Log(2.0);
        var lowStart = Math.Min(Math.Min(Math.Log(shape / (shape + b)), -lnA - lnW), half) - (EFolds / (shape - 1));
        var highStart = half - (EFolds / b);
        var low = GaussKronrodRule.Integrate(Low, lowStart, half, out _, out _, 1e-12, 21, 40);
        var high = GaussKronrodRule.Integrate(High, highStart, half, out _, out _, 1e-12, 21, 40);
        return low + high;
    }

    private static double ActiveCore(double a, double b, double c, double z, double log1mz)
    {
        if (z == 0)
        {
            return 0.0;
        }

        var sum = 0.0;
        var term = a * b * z;
        var scaleLog = 0.0;
        var ratio = 0.0;
        var converged = false;
        for (var n = 1; n < MaxTerms; n++)
        {
            sum += term;
            ratio = (a + n) * (b + n) * z / ((c + n) * (n + 1));
            term *= ratio;
            if (sum > Scale)
            {
                sum /= Scale;
                term /= Scale;
                scaleLog += LogScale;
            }

            if (ratio < 1 && term <= 1e-17 * sum)
            {
                converged = true;
                break;
            }
        }

        if (!converged && ratio < 1)
        {
            sum += term / (1.0 - ratio);
        }

        var aLog = a * log1mz;
        var first = -c * SpecialMath.Expm1(aLog);
        var second = Math.Exp(aLog + scaleLog + Math.Log(sum));
        return (first - second) / (c - b);
    }
}
