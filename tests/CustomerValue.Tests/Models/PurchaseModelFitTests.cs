using CustomerValue.Models;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValue.Tests.Models;

public sealed class PurchaseModelFitTests(ITestOutputHelper output)
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
    public void Print()
    {
        foreach (var m in new PurchaseModel[] { BgNbd.Value, Pareto.Value, Mbg.Value })
        {
            output.WriteLine(string.Join(", ", m.Parameters.Select(p => $"{p.Name}={p.Value:R} (se {p.StandardError:G4})")) + " " + m.Diagnostics);
        }
    }
}
