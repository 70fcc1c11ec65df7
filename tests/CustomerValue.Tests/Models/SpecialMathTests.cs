using CustomerValue.Models;
using Xunit;

namespace CustomerValue.Tests.Models;

public sealed class SpecialMathTests
{
    [Theory]
    [InlineData(0.243, 2.426, 0.793, 0.45)]
    [InlineData(2.243, 4.426, 0.793, 0.9)]
    [InlineData(50.5, 52.4, 0.5, 0.99)]
    [InlineData(0.5, 0.3, 2.5, 0.97)]
    [InlineData(3.0, 1.2, 1.0000001, 0.8)]
    [InlineData(275.0, 271.0, 12.2, 0.993)]
    [InlineData(20.0, 0.3, 0.05, 0.999)]
    public void ActivePurchases_SeriesAndQuadrature_Agree(double a, double b, double shape, double z)
    {
        var log1mz = Math.Log(1 - z);
        var series = SpecialMath.ActivePurchases(a, b, shape + b - 1, z, log1mz);
        var integral = SpecialMath.IntegratedActivePurchases(a, b, shape, z / (1 - z));
        Assert.Equal(1.0, series / integral, 8);
    }

    [Fact]
    public void LogRatioSeries_ArgumentNearOne_IsFiniteAndBelowTheGeometricBound()
    {
        var value = SpecialMath.LogRatioSeries(1.5, 2.5, 1 - 1e-9);
        Assert.True(double.IsFinite(value));
        Assert.InRange(value, 0, -Math.Log(1e-9));
    }

    [Fact]
    public void Log1PAndExpm1_TinyArguments_KeepAllDigits()
    {
        Assert.Equal(1.0, SpecialMath.Log1P(1e-12) / (1e-12 - 0.5e-24), 15);
        Assert.Equal(1.0, SpecialMath.Expm1(1e-12) / (1e-12 + 0.5e-24), 15);
        Assert.Equal(Math.Log(3.0), SpecialMath.Log1P(2.0), 15);
    }
}
