using BenchmarkDotNet.Attributes;
using CustomerValue;

namespace CustomerValue.Benchmarks;

/// <summary>Summaries (classic RFM + model summary) from an in-memory transaction log.</summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private Transaction[] _log = [];
    private SummaryOptions _options = null!;

    [Params(10_000_000)]
    public int Transactions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = SyntheticData.Transactions(Transactions);
        _options = new SummaryOptions { AsOf = SyntheticData.AsOf };
    }

    /// <summary>The obvious LINQ implementation: group by customer, order each group by date.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinq()
    {
        var asOf = SyntheticData.AsOf.DayNumber;
        var rows = _log
            .GroupBy(t => t.CustomerId)
            .Select(g =>
            {
                var days = g.Select(t => (Day: DateOnly.FromDateTime(t.Timestamp).DayNumber, t.Amount)).OrderBy(t => t.Day).ToList();
                var periods = days.GroupBy(t => t.Day).Select(p => p.Sum(t => t.Amount)).ToList();
                return (
                    Id: g.Key,
                    Recency: asOf - days[^1].Day,
                    Frequency: days.Count,
                    Monetary: g.Sum(t => t.Amount),
                    X: periods.Count - 1,
                    Tx: days[^1].Day - days[0].Day,
                    T: asOf - days[0].Day,
                    Zbar: periods.Count > 1 ? periods.Skip(1).Average() : 0m);
            })
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return rows.Count;
    }

    [Benchmark]
    public int Library() => CustomerSummaries.FromTransactions(_log, _options).Customers.Count;
}
