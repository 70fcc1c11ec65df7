using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerValue.Models;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Optimization;

namespace CustomerValue.Benchmarks;

/// <summary>
/// The CLV model targets: BG/NBD fits on CDNOW and on a million customers, a Pareto/NBD fit on 100k customers, and
/// batch predictions (P(alive), expected purchases, CLV over 12 monthly steps) for a million customers. Each
/// category has a naive baseline: Nelder-Mead on a per-row likelihood, or per-customer calls without memoisation.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ModelBenchmarks
{
    private const double CdnowR = 0.243, CdnowAlpha = 4.414, CdnowA = 0.793, CdnowB = 2.426;
    private const double ParetoR = 0.553, ParetoAlpha = 10.578, ParetoS = 0.606, ParetoBeta = 11.669;
    private static readonly ClvOptions Clv = new(Horizon.Months(12), new DiscountRate(0.01, ModelTimeUnit.Month));

    private Summary _cdnow = null!;
    private Summary _million = null!;
    private Summary _millionGrouped = null!;
    private Summary _pareto = null!;
    private Summary _paretoGrouped = null!;
    private BgNbdModel _model = null!;
    private double[] _alive = [];
    private double[] _expected = [];
    private double[] _clv = [];
    private double[] _spend = [];

    [GlobalSetup]
    public void Setup()
    {
        _cdnow = ReadCdnow();
        _million = SimulateBgNbd(1_000_000, seed: 11);
        _millionGrouped = _million.Grouped();
        _pareto = SimulatePareto(100_000, seed: 13);
        _paretoGrouped = _pareto.Grouped();
        _model = new BgNbdModel(CdnowR, CdnowAlpha, CdnowA, CdnowB, ModelTimeUnit.Week);
        var n = _million.X.Length;
        _alive = new double[n];
        _expected = new double[n];
        _clv = new double[n];
        _spend = new double[n];
        Array.Fill(_spend, 35.0);
    }

    /// <summary>Nelder-Mead on the 2357 raw CDNOW rows.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("CdnowFit")]
    public double CdnowFitNelderMead() => NelderMead(_cdnow, BgNbdLogLikelihood);

    [Benchmark, BenchmarkCategory("CdnowFit")]
    public double CdnowFit() => BgNbdModel.Fit(_cdnow.X, _cdnow.Recency, _cdnow.Age, ModelTimeUnit.Week).R;

    /// <summary>Nelder-Mead on the million customers grouped by LINQ (on raw rows it takes minutes per run).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("MillionFit")]
    public double MillionFitNelderMead() => NelderMead(_millionGrouped, BgNbdLogLikelihood);

    [Benchmark, BenchmarkCategory("MillionFit")]
    public double MillionFit() => BgNbdModel.Fit(_million.X, _million.Recency, _million.Age, ModelTimeUnit.Week).R;

    /// <summary>Nelder-Mead on the grouped rows, with the Pareto/NBD closed form and plain hypergeometric series.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("ParetoFit")]
    public double ParetoFitNelderMead() => NelderMead(_paretoGrouped, ParetoLogLikelihood);

    [Benchmark, BenchmarkCategory("ParetoFit")]
    public double ParetoFit() => ParetoNbdModel.Fit(_pareto.X, _pareto.Recency, _pareto.Age, ModelTimeUnit.Week).R;

    /// <summary>Per-customer calls of the scalar API: every customer pays for the hypergeometric series again.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Predict")]
    public double PredictPerCustomer()
    {
        var horizon = Horizon.Weeks(39);
        for (var i = 0; i < _million.X.Length; i++)
        {
            double x = _million.X[i], tx = _million.Recency[i], age = _million.Age[i];
            _alive[i] = _model.ProbabilityAlive(x, tx, age);
            _expected[i] = _model.ExpectedPurchases(horizon, x, tx, age);
            _clv[i] = CustomerLifetimeValue.Compute(_model, x, tx, age, _spend[i], Clv);
        }

        return _clv[^1];
    }

    [Benchmark, BenchmarkCategory("Predict")]
    public double Predict()
    {
        _model.PredictInto(_million.X, _million.Recency, _million.Age, Horizon.Weeks(39), _alive, _expected);
        CustomerLifetimeValue.ComputeInto(_model, _million.X, _million.Recency, _million.Age, _spend, Clv, _clv);
        return _clv[^1];
    }

    private static double NelderMead(Summary data, Func<Summary, double[], double> logLikelihood)
    {
        var objective = ObjectiveFunction.Value(v =>
        {
            var p = new double[v.Count];
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = Math.Exp(v[i]);
            }

            var value = -logLikelihood(data, p);
            return double.IsFinite(value) ? value : double.MaxValue;
        });
        var start = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(4, 0.0);
        var result = new NelderMeadSimplex(1e-8, 10_000).FindMinimum(objective, start);
        return Math.Exp(result.MinimizingPoint[0]);
    }

    private static double BgNbdLogLikelihood(Summary d, double[] p)
    {
        double r = p[0], alpha = p[1], a = p[2], b = p[3];
        var total = 0.0;
        for (var i = 0; i < d.X.Length; i++)
        {
            double x = d.X[i], tx = d.Recency[i], age = d.Age[i];
            var common = LnGamma(r + x) - LnGamma(r) + (r * Math.Log(alpha));
            var first = LnBeta(a, b + x) - LnBeta(a, b) - ((r + x) * Math.Log(alpha + age));
            var value = x > 0 ? LogSum(first, LnBeta(a + 1, b + x - 1) - LnBeta(a, b) - ((r + x) * Math.Log(alpha + tx))) : first;
            total += d.Weight[i] * (common + value);
        }

        return total;
    }

    /// <summary>The closed form of Fader, Hardie and Lee's Pareto/NBD note, with a plain 2F1 series per row and term.</summary>
    private static double ParetoLogLikelihood(Summary d, double[] p)
    {
        double r = p[0], alpha = p[1], s = p[2], beta = p[3];
        var total = 0.0;
        for (var i = 0; i < d.X.Length; i++)
        {
            double x = d.X[i], tx = d.Recency[i], age = d.Age[i];
            var k = r + s + x;
            var (big, second) = alpha >= beta ? (alpha, s + 1) : (beta, r + x);
            var gap = Math.Abs(alpha - beta);
            var a0 = (Hypergeometric(k, second, k + 1, gap / (big + tx)) / Math.Pow(big + tx, k)) - (Hypergeometric(k, second, k + 1, gap / (big + age)) / Math.Pow(big + age, k));
            var alive = Math.Pow(alpha + age, -(r + x)) * Math.Pow(beta + age, -s);
            total += d.Weight[i] * (LnGamma(r + x) - LnGamma(r) + (r * Math.Log(alpha)) + (s * Math.Log(beta)) + Math.Log(alive + (s / k * a0)));
        }

        return total;
    }

    private static double Hypergeometric(double a, double b, double c, double z)
    {
        double sum = 1, term = 1;
        for (var n = 0; n < 100_000 && Math.Abs(term) > 1e-15 * sum; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
        }

        return sum;
    }

    private static double LnGamma(double x) => MathNet.Numerics.SpecialFunctions.GammaLn(x);

    private static double LnBeta(double a, double b) => LnGamma(a) + LnGamma(b) - LnGamma(a + b);

    private static double LogSum(double a, double b) => Math.Max(a, b) + Math.Log(1 + Math.Exp(-Math.Abs(a - b)));

    private static Summary ReadCdnow()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "cdnow_customers_summary.csv"));
        var n = lines.Length - 1;
        var summary = new Summary(new double[n], new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var cells = lines[i + 1].Split(',');
            summary.X[i] = double.Parse(cells[1], CultureInfo.InvariantCulture);
            summary.Recency[i] = double.Parse(cells[2], CultureInfo.InvariantCulture);
            summary.Age[i] = double.Parse(cells[3], CultureInfo.InvariantCulture);
            summary.Weight[i] = 1;
        }

        return summary;
    }

    /// <summary>BG/NBD customers with the published CDNOW parameters, first purchases over the first 12 of 39 weeks, summarised daily in weeks.</summary>
    private static Summary SimulateBgNbd(int count, int seed)
    {
        var random = new Random(seed);
        return Simulate(count, random, () =>
        {
            var rate = Gamma.Sample(random, CdnowR, CdnowAlpha);
            var p = Beta.Sample(random, CdnowA, CdnowB);
            return (rate, p, double.PositiveInfinity);
        });
    }

    /// <summary>Pareto/NBD customers with the published CDNOW parameters, summarised like <see cref="SimulateBgNbd"/>.</summary>
    private static Summary SimulatePareto(int count, int seed)
    {
        var random = new Random(seed);
        return Simulate(count, random, () =>
        {
            var rate = Gamma.Sample(random, ParetoR, ParetoAlpha);
            var dropout = Gamma.Sample(random, ParetoS, ParetoBeta);
            return (rate, 0.0, Exponential.Sample(random, dropout));
        });
    }

    private static Summary Simulate(int count, Random random, Func<(double Rate, double DropAfterPurchase, double Lifetime)> draw)
    {
        const int EndDay = 273;
        var summary = new Summary(new double[count], new double[count], new double[count], new double[count]);
        for (var i = 0; i < count; i++)
        {
            var firstDay = random.Next(84);
            var ageDays = EndDay - firstDay;
            var (rate, drop, lifetime) = draw();
            var end = Math.Min(ageDays / 7.0, lifetime);
            double time = 0, lastDay = 0, repeats = 0;
            while (rate > 0)
            {
                time += Exponential.Sample(random, rate);
                if (time >= end)
                {
                    break;
                }

                var day = Math.Floor(time * 7);
                if (day > lastDay)
                {
                    repeats++;
                    lastDay = day;
                }

                // BG/NBD customers may drop out only right after a repeat purchase.
                if (drop > 0 && random.NextDouble() < drop)
                {
                    break;
                }
            }

            summary.X[i] = repeats;
            summary.Recency[i] = Math.Round(lastDay / 7, 2);
            summary.Age[i] = Math.Round(ageDays / 7.0, 2);
            summary.Weight[i] = 1;
        }

        return summary;
    }

    private sealed record Summary(double[] X, double[] Recency, double[] Age, double[] Weight)
    {
        public Summary Grouped()
        {
            var groups = Enumerable.Range(0, X.Length).GroupBy(i => (X[i], Recency[i], Age[i])).ToArray();
            return new Summary(
                groups.Select(g => g.Key.Item1).ToArray(),
                groups.Select(g => g.Key.Item2).ToArray(),
                groups.Select(g => g.Key.Item3).ToArray(),
                groups.Select(g => (double)g.Count()).ToArray());
        }
    }
}
