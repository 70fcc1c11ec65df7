using CustomerValue.Models;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Models;

[Properties(Arbitrary = [typeof(ModelGenerators)], MaxTest = 200)]
public sealed class PurchaseModelPropertyTests
{
    private static readonly double[] Frequency = CdnowFixture.Summary["frequency"];
    private static readonly double[] Recency = CdnowFixture.Summary["recency"];
    private static readonly double[] Age = CdnowFixture.Summary["T"];

    [Property]
    public void ProbabilityAlive_AnyModelAndHistory_IsAProbability(ModelCase model, History h)
    {
        var alive = model.Create().ProbabilityAlive(h.Frequency, h.Recency, h.Age);
        Assert.InRange(alive, 0.0, 1.0);
    }

    [Property]
    public void ExpectedPurchases_AnyModelAndHistory_IsFiniteNonNegativeAndGrowsWithTheHorizon(ModelCase model, History h, Horizon horizon)
    {
        var shorter = model.Create().ExpectedPurchases(horizon, h.Frequency, h.Recency, h.Age);
        var longer = model.Create().ExpectedPurchases(new Horizon(horizon.Value * 2, horizon.Unit), h.Frequency, h.Recency, h.Age);
        Assert.True(double.IsFinite(shorter) && double.IsFinite(longer), $"{shorter} {longer}");
        Assert.InRange(shorter, 0.0, double.MaxValue);
        Assert.True(longer >= shorter * (1 - 1e-12), $"{longer} < {shorter}");
    }

    [Fact]
    public void ExpectedPurchases_SaturatedHorizonWhereSeriesHandsOverToQuadrature_DoesNotDecrease()
    {
        // Found by the property above: with a large a the active-customer expectation has saturated, the 216-week
        // horizon is summed as a series and the 432-week one integrated, and a 1e-12 quadrature error made it smaller.
        var model = new BgNbdModel(0.5754399373371569, 0.7709034690644301, 9.375620069258803, 6.698846094165264, ModelTimeUnit.Week);
        var shorter = model.ExpectedPurchases(Horizon.Weeks(216), 467, 1.342264, 2.179);
        var longer = model.ExpectedPurchases(Horizon.Weeks(432), 467, 1.342264, 2.179);
        Assert.True(longer >= shorter * (1 - 1e-12), $"{longer:R} < {shorter:R}");
    }

    [Property]
    public void ExpectedPurchasesOfNewCustomer_AnyModel_IsFiniteAndGrowsWithTheHorizon(ModelCase model, Horizon horizon)
    {
        var shorter = model.Create().ExpectedPurchasesOfNewCustomer(horizon);
        var longer = model.Create().ExpectedPurchasesOfNewCustomer(new Horizon(horizon.Value * 2, horizon.Unit));
        Assert.True(double.IsFinite(shorter) && shorter >= 0, $"{shorter}");
        Assert.True(longer >= shorter * (1 - 1e-12), $"{longer} < {shorter}");
    }

    [Property(MaxTest = 50)]
    public void ProbabilityOfPurchases_AnyModel_IsADistributionWithTheExpectedMean(ModelCase model)
    {
        var purchases = model.Create();
        var horizon = Horizon.Weeks(10);
        double total = 0, mean = 0;
        for (var n = 0; n < 400; n++)
        {
            var p = purchases.ProbabilityOfPurchases(n, horizon);
            Assert.InRange(p, 0.0, 1.0);
            total += p;
            mean += n * p;
        }

        // Heavy-tailed parameter draws leave mass beyond 400 purchases; the checks hold whenever the tail is negligible.
        if (1 - total < 1e-9)
        {
            Assert.Equal(1.0, total, 6);
            Assert.Equal(purchases.ExpectedPurchasesOfNewCustomer(horizon), mean, 4);
        }
    }

    [Property(MaxTest = 8)]
    public void Fit_RowsInAnyOrder_GivesIdenticalParameters(int seed)
    {
        var order = Enumerable.Range(0, Frequency.Length).ToArray();
        new Random(seed).Shuffle(order);
        var model = BgNbdModel.Fit(order.Select(i => Frequency[i]).ToArray(), order.Select(i => Recency[i]).ToArray(), order.Select(i => Age[i]).ToArray(), ModelTimeUnit.Week);
        var reference = BgNbdModel.Fit(Frequency, Recency, Age, ModelTimeUnit.Week);
        Assert.Equal(reference.Parameters.Select(p => p.Value), model.Parameters.Select(p => p.Value));
    }

    [Property(MaxTest = 5)]
    public void Fit_CompressedWithWeights_EqualsUncompressedFit(int seed)
    {
        // Each CDNOW row is repeated 1 to 3 times; the weighted fit gets each row once with its multiplicity.
        var random = new Random(seed);
        var copies = Frequency.Select(_ => random.Next(1, 4)).ToArray();
        var expanded = Enumerable.Range(0, Frequency.Length).SelectMany(i => Enumerable.Repeat(i, copies[i])).ToArray();
        var raw = ParetoNbdModel.Fit(expanded.Select(i => Frequency[i]).ToArray(), expanded.Select(i => Recency[i]).ToArray(), expanded.Select(i => Age[i]).ToArray(), ModelTimeUnit.Week);
        var weighted = ParetoNbdModel.Fit(Frequency, Recency, Age, copies.Select(c => (double)c).ToArray(), ModelTimeUnit.Week, null);
        Assert.Equal(raw.Parameters.Select(p => p.Value), weighted.Parameters.Select(p => p.Value));
    }
}
