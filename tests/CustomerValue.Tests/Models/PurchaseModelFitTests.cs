using CustomerValue.Models;
using Xunit;

namespace CustomerValue.Tests.Models;

public sealed class PurchaseModelFitTests
{
    private static readonly Lazy<BgNbdModel> BgNbd = new(() => BgNbdModel.Fit(Frequency, Recency, Age, ModelTimeUnit.Week));
    private static readonly Lazy<ParetoNbdModel> Pareto = new(() => ParetoNbdModel.Fit(Frequency, Recency, Age, ModelTimeUnit.Week));
    private static readonly Lazy<MbgNbdModel> Mbg = new(() => MbgNbdModel.Fit(Frequency, Recency, Age, ModelTimeUnit.Week));

    private static double[] Frequency => CdnowFixture.Summary["frequency"];

    private static double[] Recency => CdnowFixture.Summary["recency"];

    private static double[] Age => CdnowFixture.Summary["T"];

    [Fact]
    public void BgNbdFit_Cdnow_MatchesFaderHardieLee2005()
    {
        var model = BgNbd.Value;
        Assert.Equal(0.243, Math.Round(model.R, 3));
        Assert.Equal(4.414, Math.Round(model.Alpha, 3));
        Assert.Equal(0.793, Math.Round(model.A, 3));
        Assert.Equal(2.426, Math.Round(model.B, 3));
        Assert.InRange(model.Diagnostics!.LogLikelihood, -9582.45, -9582.35);
        Assert.True(model.Diagnostics.Converged);
        Assert.Equal(2357, model.Diagnostics.Customers);
    }

    [Fact]
    public void ParetoNbdFit_Cdnow_MatchesFaderHardieLee2005()
    {
        var model = Pareto.Value;
        Assert.Equal(0.553, Math.Round(model.R, 3));
        Assert.Equal(10.578, Math.Round(model.Alpha, 3));
        Assert.Equal(0.606, Math.Round(model.S, 3));
        Assert.InRange(model.Beta, 11.669 - 0.002, 11.669 + 0.002);
        Assert.InRange(model.Diagnostics!.LogLikelihood, -9595.05, -9594.95);
    }

    [Fact]
    public void MbgNbdFit_Cdnow_MatchesBtydplus()
    {
        var model = Mbg.Value;
        Assert.Equal(0.525, Math.Round(model.R, 3));
        Assert.Equal(6.183, Math.Round(model.Alpha, 3));
        Assert.Equal(0.891, Math.Round(model.A, 3));
        Assert.Equal(1.614, Math.Round(model.B, 3));
    }

    [Fact]
    public void BgNbdExpectedPurchases_Customer1In39Weeks_Is1226()
    {
        // Customer 1 of the CDNOW summary: x = 2, t_x = 30.43, T = 38.86 (Fader, Hardie and Lee 2005).
        var expected = BgNbd.Value.ExpectedPurchases(Horizon.Weeks(39), 2, 30.43, 38.86);
        Assert.Equal(1.226, Math.Round(expected, 3));
    }

    [Fact]
    public void ParetoNbdPredictions_Customer1516_MatchPublished()
    {
        var model = Pareto.Value;
        Assert.Equal(0.9979, Math.Round(model.ProbabilityAlive(26, 30.86, 31), 4));
        Assert.Equal(25.46, Math.Round(model.ExpectedPurchases(Horizon.Weeks(52), 26, 30.86, 31), 2));
    }

    [Fact]
    public void Fit_Cdnow_ReportsStandardErrorsAndDiagnostics()
    {
        var model = BgNbd.Value;
        Assert.All(model.Parameters, p => Assert.InRange(p.StandardError, 1e-4 * p.Value, p.Value));
        Assert.Equal(["r", "alpha", "a", "b"], model.Parameters.Select(p => p.Name));
        var diagnostics = model.Diagnostics!;
        Assert.True(diagnostics.GradientNorm <= ModelFitOptions.Default.GradientTolerance);
        Assert.InRange(diagnostics.Iterations, 1, ModelFitOptions.Default.MaxIterations);
        Assert.Equal(1016, diagnostics.UniqueRows);
    }

    [Fact]
    public void Fit_WeightedUniqueRows_EqualsFitOnRawRows()
    {
        var rows = Frequency.Select((x, i) => (x, t: Recency[i], T: Age[i])).GroupBy(r => r).OrderBy(g => g.Key.T).ToArray();
        var weighted = BgNbdModel.Fit(
            rows.Select(g => g.Key.x).ToArray(),
            rows.Select(g => g.Key.t).ToArray(),
            rows.Select(g => g.Key.T).ToArray(),
            rows.Select(g => (double)g.Count()).ToArray(),
            ModelTimeUnit.Week,
            null);
        Assert.Equal(BgNbd.Value.Parameters.Select(p => p.Value), weighted.Parameters.Select(p => p.Value));
        Assert.Equal(BgNbd.Value.Diagnostics!.LogLikelihood, weighted.Diagnostics!.LogLikelihood);
    }

    [Fact]
    public void Fit_WithL2Penalty_ShrinksParameters()
    {
        var penalised = BgNbdModel.Fit(Frequency, Recency, Age, default, ModelTimeUnit.Week, new ModelFitOptions { L2Penalty = 0.01 });
        var sumOfSquares = penalised.Parameters.Sum(p => p.Value * p.Value);
        Assert.True(sumOfSquares < BgNbd.Value.Parameters.Sum(p => p.Value * p.Value));
        Assert.True(penalised.Diagnostics!.LogLikelihood < BgNbd.Value.Diagnostics!.LogLikelihood);
    }

    [Fact]
    public void Fit_MaxIterationsTooSmall_ThrowsConvergenceExceptionNamingTheOption()
    {
        var error = Assert.Throws<ModelConvergenceException>(() => ParetoNbdModel.Fit(Frequency, Recency, Age, default, ModelTimeUnit.Week, new ModelFitOptions { MaxIterations = 1 }));
        Assert.Contains("MaxIterations", error.Message, StringComparison.Ordinal);
    }
}
