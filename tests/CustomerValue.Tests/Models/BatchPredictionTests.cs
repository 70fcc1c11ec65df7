using CustomerValue.Models;
using Xunit;

namespace CustomerValue.Tests.Models;

/// <summary>Batch predictions reuse work per distinct summary; these check that the reuse never changes a single bit.</summary>
public sealed class BatchPredictionTests
{
    public static TheoryData<string> Models => ["BG/NBD", "MBG/NBD", "Pareto/NBD"];

    [Theory]
    [MemberData(nameof(Models))]
    public void PredictInto_RepeatedRowsInShuffledOrder_EqualsSingleCustomerPredictionsForEveryRow(string name)
    {
        var model = Create(name);
        var (x, tx, age, _) = RepeatedShuffled(seed: 3);
        var alive = new double[x.Length];
        var expected = new double[x.Length];
        model.PredictInto(x, tx, age, Horizon.Weeks(52), alive, expected);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(model.ProbabilityAlive(x[i], tx[i], age[i]), alive[i]);
            Assert.Equal(model.ExpectedPurchases(Horizon.Weeks(52), x[i], tx[i], age[i]), expected[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ComputeInto_RepeatedRowsInShuffledOrder_EqualsSingleCustomerValuesForEveryRow(string name)
    {
        var model = Create(name);
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var (x, tx, age, zbar) = RepeatedShuffled(seed: 5);
        var options = new ClvOptions(Horizon.Years(1), new DiscountRate(0.01, ModelTimeUnit.Month));
        var result = new double[x.Length];
        CustomerLifetimeValue.ComputeInto(model, spend, x, tx, age, zbar, options, result);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(CustomerLifetimeValue.Compute(model, spend, x[i], tx[i], age[i], zbar[i], options), result[i]);
        }
    }

    [Fact]
    public void ParetoNbdFit_SeveralLikelihoodBlocksInAnyOrder_GivesIdenticalParameters()
    {
        // Nine shifted copies of CDNOW give more distinct rows than one likelihood block holds, so the blocks are summed in parallel.
        var t = CdnowFixture.Transactions;
        var n = t["x"].Length;
        var x = new double[9 * n];
        var tx = new double[9 * n];
        var age = new double[9 * n];
        for (var copy = 0; copy < 9; copy++)
        {
            for (var i = 0; i < n; i++)
            {
                x[(copy * n) + i] = t["x"][i];
                tx[(copy * n) + i] = t["t_x"][i];
                age[(copy * n) + i] = t["T"][i] + (0.01 * copy);
            }
        }

        var order = Enumerable.Range(0, x.Length).ToArray();
        new Random(11).Shuffle(order);
        var reference = ParetoNbdModel.Fit(x, tx, age, ModelTimeUnit.Week);
        var shuffled = ParetoNbdModel.Fit(order.Select(i => x[i]).ToArray(), order.Select(i => tx[i]).ToArray(), order.Select(i => age[i]).ToArray(), ModelTimeUnit.Week);
        Assert.True(reference.Diagnostics!.UniqueRows > 8192, $"{reference.Diagnostics.UniqueRows} distinct rows");
        Assert.Equal(reference.Parameters.Select(p => p.Value), shuffled.Parameters.Select(p => p.Value));
    }

    private static PurchaseModel Create(string name) => name switch
    {
        "BG/NBD" => new BgNbdModel(0.243, 4.414, 0.793, 2.426, ModelTimeUnit.Week),
        "MBG/NBD" => new MbgNbdModel(0.525, 6.183, 0.891, 1.614, ModelTimeUnit.Week),
        _ => new ParetoNbdModel(0.553, 10.578, 0.606, 11.669, ModelTimeUnit.Week),
    };

    /// <summary>The CDNOW customers three times over, shuffled: every distinct history occurs at least three times, far apart.</summary>
    private static (double[] X, double[] Tx, double[] Age, double[] Zbar) RepeatedShuffled(int seed)
    {
        var t = CdnowFixture.Transactions;
        var n = t["x"].Length;
        var order = Enumerable.Range(0, 3 * n).Select(i => i % n).ToArray();
        new Random(seed).Shuffle(order);
        return (order.Select(i => t["x"][i]).ToArray(), order.Select(i => t["t_x"][i]).ToArray(), order.Select(i => t["T"][i]).ToArray(), order.Select(i => t["zbar"][i]).ToArray());
    }
}
