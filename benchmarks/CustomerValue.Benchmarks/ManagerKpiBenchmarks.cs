using BenchmarkDotNet.Attributes;

namespace CustomerValue.Benchmarks;

/// <summary>Manager KPIs (issue 6) over a scored population: 1M customers, 1,000 managers (a category column).</summary>
[MemoryDiagnoser]
public class ManagerKpiBenchmarks
{
    private CustomerFrame _scored = null!;

    [Params(1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var population = SyntheticData.DecisionPopulation(Customers);
        _scored = new CustomerPipelineBuilder()
            .WithInputColumns(ColumnNames.Complaints, ColumnNames.Satisfaction, ColumnNames.AccountManager)
            .AddAbcTiers()
            .AddPriority()
            .Build()
            .Fit(population)
            .Score(population);
    }

    /// <summary>The obvious LINQ version: group rows by manager, count and sum per group, sort each group by value for the top 10%.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinq()
    {
        var manager = _scored.GetCategory(ColumnNames.AccountManager);
        var tier = _scored.GetCategory(ColumnNames.Tier);
        var quadrant = _scored.GetCategory(ColumnNames.Quadrant);
        var revenue = _scored.GetNumeric(ColumnNames.Revenue);
        var complaints = _scored.GetNumeric(ColumnNames.Complaints);
        var satisfaction = _scored.GetNumeric(ColumnNames.Satisfaction);
        var rows = Enumerable.Range(0, _scored.Count)
            .Where(i => manager[i] is not null)
            .GroupBy(i => manager[i]!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var values = g.Select(i => Math.Max(0, revenue[i])).OrderByDescending(v => v).ToList();
                var top = (int)Math.Ceiling(0.1 * values.Count);
                return new
                {
                    Manager = g.Key,
                    Customers = values.Count,
                    Value = g.Sum(i => revenue[i]),
                    Tiers = g.GroupBy(i => tier[i]).ToDictionary(t => t.Key ?? string.Empty, t => t.Count()),
                    AtRisk = g.Count(i => quadrant[i] is PriorityQuadrants.ActNow or PriorityQuadrants.LowTouch) / (double)values.Count,
                    Concentration = values.Take(top).Sum() / values.Sum(),
                    Complaints = g.Where(i => !double.IsNaN(complaints[i])).Average(i => complaints[i]),
                    Satisfaction = g.Where(i => !double.IsNaN(satisfaction[i])).Average(i => satisfaction[i]),
                };
            })
            .ToList();
        return rows.Count;
    }

    [Benchmark]
    public int Library() => ManagerKpis.Create(_scored).Rows.Count;
}
