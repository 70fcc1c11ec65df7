using BenchmarkDotNet.Attributes;
using CustomerValue;

namespace CustomerValue.Benchmarks;

/// <summary>
/// The whole decision pipeline over a portfolio (summaries excluded): RFM, segments, ABC tiers, rule points (5 rules),
/// low-value detection and priority, fitted and scored, then top-50 worklists for each of 1,000 account managers.
/// </summary>
[MemoryDiagnoser]
public class DecisionPipelineBenchmarks
{
    private static readonly CustomerPipeline Pipeline = new CustomerPipelineBuilder()
        .WithInputColumns(ColumnNames.Interactions, ColumnNames.Complaints, ColumnNames.Satisfaction, ColumnNames.AccountManager, "industry")
        .AddRfmScores()
        .AddSegments()
        .AddAbcTiers()
        .AddRulePoints(new RulePointsOptions
        {
            Rules =
            [
                PointsRule.PerUnit(ColumnNames.Complaints, -5),
                PointsRule.Compare(ColumnNames.Satisfaction, ComparisonOperator.GreaterOrEqual, 9, 10),
                PointsRule.Is("industry", "Retail", 3),
                PointsRule.Compare(ColumnNames.Interactions, ComparisonOperator.Less, 2, -4),
                PointsRule.Between(ColumnNames.RecencyDays, 0, 30, 6),
            ],
        })
        .AddLowValueDetection()
        .AddPriority()
        .Build();

    private CustomerFrame _population = null!;

    [Params(10_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup() => _population = SyntheticData.DecisionPopulation(Customers);

    /// <summary>
    /// The obvious LINQ implementation of the same decisions: sort for quintiles and for the ABC cut, evaluate the rules
    /// per customer, group by manager and sort each group for its worklist.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinq()
    {
        var n = _population.Count;
        var recency = _population.GetNumeric(ColumnNames.RecencyDays).Values.ToArray();
        var frequency = _population.GetNumeric(ColumnNames.Frequency).Values.ToArray();
        var monetary = _population.GetNumeric(ColumnNames.Monetary).Values.ToArray();
        var revenue = _population.GetNumeric(ColumnNames.Revenue).Values.ToArray();
        var complaints = _population.GetNumeric(ColumnNames.Complaints).Values.ToArray();
        var satisfaction = _population.GetNumeric(ColumnNames.Satisfaction).Values.ToArray();
        var interactions = _population.GetNumeric(ColumnNames.Interactions).Values.ToArray();
        var industry = _population.GetCategory("industry");
        var manager = _population.GetCategory(ColumnNames.AccountManager);
        int[] Quintiles(double[] values, bool descending)
        {
            var order = (descending ? Enumerable.Range(0, n).OrderByDescending(i => values[i]) : Enumerable.Range(0, n).OrderBy(i => values[i])).ToList();
            var scores = new int[n];
            for (var rank = 0; rank < n; rank++)
            {
                scores[order[rank]] = 1 + (rank * 5 / n);
            }

            return scores;
        }

        var r = Quintiles(recency, descending: true);
        var f = Quintiles(frequency, descending: false);
        var m = Quintiles(monetary, descending: false);
        var segments = Enumerable.Range(0, n).Select(i => SegmentMap.Default.Classify(r[i], f[i], m[i])).ToList();
        var total = revenue.Where(v => v > 0).Sum();
        var running = 0.0;
        var tiers = new string[n];
        foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => revenue[i]))
        {
            running += Math.Max(revenue[i], 0);
            tiers[i] = revenue[i] <= 0 ? "Valueless" : running <= 0.8 * total ? "A" : running <= 0.95 * total ? "B" : "C";
        }

        var points = Enumerable.Range(0, n).Select(i => (-5 * complaints[i]) + (satisfaction[i] >= 9 ? 10 : 0)
            + (industry[i] == "Retail" ? 3 : 0) + (interactions[i] < 2 ? -4 : 0) + (recency[i] <= 30 ? 6 : 0)).ToList();
        var lowValue = Enumerable.Range(0, n).Count(i => frequency[i] <= 1 && recency[i] >= 365);
        var revenueRank = new double[n];
        var sorted = Enumerable.Range(0, n).OrderBy(i => revenue[i]).ToList();
        for (var k = 0; k < n; k++)
        {
            revenueRank[sorted[k]] = (double)k / n;
        }

        var worklists = Enumerable.Range(0, n)
            .Select(i => (Id: _population.CustomerIds[i], Manager: manager[i], Priority: (0.5 * revenueRank[i]) + (0.5 * Math.Min(1, complaints[i] / 3))))
            .GroupBy(c => c.Manager)
            .Select(g => g.OrderByDescending(c => c.Priority).ThenBy(c => c.Id, StringComparer.Ordinal).Take(50).ToList())
            .ToList();
        return segments.Count + points.Count + lowValue + worklists.Count + tiers.Length;
    }

    /// <summary>Fit + score of every stage, then the per-manager top-50 worklists.</summary>
    [Benchmark]
    public int Library()
    {
        var scored = Pipeline.Run(_population);
        return PriorityRanking.Worklists(scored, 50).Count;
    }

    /// <summary>Times each stage's Fit and Score (best of three), to see where the pipeline's time goes.</summary>
    internal static void PrintStageTimes(int customers)
    {
        var frame = SyntheticData.DecisionPopulation(customers);
        foreach (var stage in Pipeline.Stages)
        {
            var (fit, score) = (double.MaxValue, double.MaxValue);
            IReadOnlyList<FrameColumn> columns = [];
            for (var round = 0; round < 3; round++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var fitted = stage.Fit(frame);
                fit = Math.Min(fit, clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                columns = fitted.Score(frame);
                score = Math.Min(score, clock.Elapsed.TotalMilliseconds);
            }

            frame = frame.AddColumns(columns);
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stage.Name,-12} fit {fit,8:F1} ms   score {score,8:F1} ms"));
        }

        var worklists = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            PriorityRanking.Worklists(frame, 50);
            worklists = Math.Min(worklists, clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{"worklists",-12} {worklists,8:F1} ms"));
    }
}
