using MathNet.Numerics;

namespace CustomerValue.Models;

/// <summary>
/// The BG/NBD and MBG/NBD log-likelihoods with their analytic gradients. Both are
/// ln Gamma(r+x) - ln Gamma(r) + r ln alpha + ln[e^A1 + e^A2] with
/// A1 = ln B(a, b+x+k) - ln B(a, b) - (r+x) ln(alpha+T) and A2 = ln B(a+1, b+x+k-1) - ln B(a, b) - (r+x) ln(alpha+t_x),
/// where k = 0 for BG/NBD (whose A2 exists only when x &gt; 0) and k = 1 for MBG/NBD. The gradient with respect to
/// (r, alpha, a, b) mixes the derivatives of A1 and A2 with the posterior shares e^A1 / (e^A1 + e^A2) and its complement.
/// </summary>
internal static class BgFamilyLikelihood
{
    /// <summary>
    /// Starting values: r = 1 and alpha matching the mean purchase rate, sum(x) / sum(T), so the search begins at the
    /// right scale of alpha whatever the time unit; a = b = 1 (uniform dropout probability).
    /// </summary>
    public static double[] Start(SummaryRows rows)
    {
        double purchases = 0, exposure = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            purchases += rows.Weight[i] * rows.First[i];
            exposure += rows.Weight[i] * rows.Third[i];
        }

        var alpha = purchases > 0 && exposure > 0 ? Math.Clamp(exposure / purchases, 1e-6, 1e6) : 1.0;
        return [1.0, alpha, 1.0, 1.0];
    }

    /// <summary>The weighted log-likelihood; when <paramref name="gradient"/> is not null it receives dLL/d(r, alpha, a, b).</summary>
    public static double Evaluate(SummaryRows rows, double[] p, double[]? gradient, bool dropAtFirstPurchase)
    {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        var k = dropAtFirstPurchase ? 1.0 : 0.0;
        var lnAlpha = Math.Log(alpha);
        var lnBetaAb = SpecialMath.BetaLn(a, b);
        var lnGammaR = SpecialMath.GammaLn(r);
        var wantGradient = gradient is not null;
        double psiR = 0, psiA = 0, psiB = 0, psiAb = 0;
        if (wantGradient)
        {
            psiR = SpecialFunctions.DiGamma(r);
            psiA = SpecialFunctions.DiGamma(a);
            psiB = SpecialFunctions.DiGamma(b);
            psiAb = SpecialFunctions.DiGamma(a + b);
        }

        var x = rows.First;
        var tx = rows.Second;
        var age = rows.Third;
        var w = rows.Weight;
        var currentX = double.NaN;
        double common = 0, survive = 0, drop = 0;
        double dCommonR = 0, dSurviveA = 0, dSurviveB = 0, dDropA = 0, dDropB = 0;
        double total = 0, gR = 0, gAlpha = 0, gA = 0, gB = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var xi = x[i];
            var hasDrop = dropAtFirstPurchase || xi > 0;
            if (xi != currentX)
            {
                // Rows are sorted by frequency, so the gamma-family functions are evaluated once per distinct value.
                currentX = xi;
                common = SpecialMath.GammaLn(r + xi) - lnGammaR + (r * lnAlpha);
                survive = SpecialMath.BetaLn(a, b + xi + k) - lnBetaAb;
                drop = hasDrop ? SpecialMath.BetaLn(a + 1, b + xi + k - 1) - lnBetaAb : double.NegativeInfinity;
                if (wantGradient)
                {
                    var psiAll = SpecialFunctions.DiGamma(a + b + xi + k);
                    dCommonR = SpecialFunctions.DiGamma(r + xi) - psiR + lnAlpha;
                    dSurviveA = psiAb - psiAll;
                    dSurviveB = SpecialFunctions.DiGamma(b + xi + k) - psiAll - psiB + psiAb;

                    // psi(a + 1) - psi(a) = 1 / a exactly.
                    dDropA = (1.0 / a) - psiAll + psiAb;
                    dDropB = hasDrop ? SpecialFunctions.DiGamma(b + xi + k - 1) - psiAll - psiB + psiAb : 0.0;
                }
            }

            var rx = r + xi;
            var lnAge = Math.Log(alpha + age[i]);
            var first = survive - (rx * lnAge);
            double value, share = 1.0, lnTx = 0.0;
            if (hasDrop)
            {
                lnTx = Math.Log(alpha + tx[i]);
                var second = drop - (rx * lnTx);
                value = SpecialMath.LogSumExp(first, second);
                share = Math.Exp(first - value);
            }
            else
            {
                value = first;
            }

            var wi = w[i];
            total += wi * (common + value);
            if (wantGradient)
            {
                var rest = 1.0 - share;
                gR += wi * (dCommonR - (share * lnAge) - (rest * lnTx));
                gAlpha += wi * ((r / alpha) - (rx * ((share / (alpha + age[i])) + (rest / (alpha + tx[i])))));
                gA += wi * ((share * dSurviveA) + (rest * dDropA));
                gB += wi * ((share * dSurviveB) + (rest * dDropB));
            }
        }

        if (gradient is not null)
        {
            gradient[0] = gR;
            gradient[1] = gAlpha;
            gradient[2] = gA;
            gradient[3] = gB;
        }

        return total;
    }
}
