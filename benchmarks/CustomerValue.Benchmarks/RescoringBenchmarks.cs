using BenchmarkDotNet.Attributes;
using CustomerValue;

namespace CustomerValue.Benchmarks;

/// <summary>RFM scores + segments over a whole portfolio: fit and score (a monthly rescoring), and steady-state scoring with a frozen model.</summary>
[MemoryDiagnoser]
public class RescoringBenchmarks
{
    private static readonly CustomerPipeline Pipeline = new CustomerPipelineBuilder().AddRfmScores().AddSegments().Build();
    private CustomerFrame _population = null!;
    private FittedPipeline _model = null!;
    private double[] _recency = [];
    private double[] _frequency = [];
    private double[] _monetary = [];

    [Params(1_000_000, 10_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _population = SyntheticData.Population(Customers);
        _model = Pipeline.Fit(_population);
        _recency = _population.GetNumeric(ColumnNames.RecencyDays).Values.ToArray();
        _frequency = _population.GetNumeric(ColumnNames.Frequency).Values.ToArray();
        _monetary = _population.GetNumeric(ColumnNames.Monetary).Values.ToArray();
    }

    /// <summary>
    /// The obvious LINQ implementation: order each dimension, give equal-count quintiles by rank, look segments up
    /// by (R, FM). It splits ties by position, which the library does not, so it is also less correct.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinq()
    {
        var n = _recency.Length;
        int[] Quintiles(double[] values, bool descending)
        {
            var order = descending
                ? Enumerable.Range(0, n).OrderByDescending(i => values[i]).ToList()
                : Enumerable.Range(0, n).OrderBy(i => values[i]).ToList();
            var scores = new int[n];
            for (var rank = 0; rank < n; rank++)
            {
                scores[order[rank]] = 1 + (rank * 5 / n);
            }

            return scores;
        }

        var r = Quintiles(_recency, descending: true);
        var f = Quintiles(_frequency, descending: false);
        var m = Quintiles(_monetary, descending: false);
        var map = SegmentMap.Default;
        var segments = Enumerable.Range(0, n).Select(i => map.Classify(r[i], f[i], m[i])).ToList();
        return segments.Count;
    }

    /// <summary>Fit (learn cut points) + score + segment: what a monthly rescoring run does.</summary>
    [Benchmark]
    public int FitAndScore() => Pipeline.Run(_population).Count;

    /// <summary>Steady state: a frozen model scores the portfolio (no fitting).</summary>
    [Benchmark]
    public int ScoreFrozen() => _model.Score(_population).Count;
}
