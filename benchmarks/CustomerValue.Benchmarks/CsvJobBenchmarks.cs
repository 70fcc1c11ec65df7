using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CustomerValue;
using CustomerValue.Csv;

namespace CustomerValue.Benchmarks;

/// <summary>End to end from a transaction CSV export: read + summarise + RFM scores and segments.</summary>
[MemoryDiagnoser]
public class CsvJobBenchmarks
{
    private static readonly CustomerPipeline Pipeline = new CustomerPipelineBuilder().AddRfmScores().AddSegments().Build();
    private string _path = string.Empty;

    [Params(10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _path = CsvJobBenchmarks.WriteExport(Rows);

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>The obvious implementation: split each line, parse with the framework, group with LINQ.</summary>
    [Benchmark(Baseline = true)]
    public int NaiveLinq()
    {
        var asOf = SyntheticData.AsOf.DayNumber;
        var customers = File.ReadLines(_path).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Id: f[0], Day: DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber, Amount: decimal.Parse(f[2], CultureInfo.InvariantCulture)))
            .GroupBy(t => t.Id)
            .Select(g => (Id: g.Key, Recency: asOf - g.Max(t => t.Day), Frequency: g.Count(), Monetary: g.Sum(t => t.Amount)))
            .ToList();
        return customers.Count;
    }

    /// <summary>The library: streaming CSV import into the summaries, then fit + score.</summary>
    [Benchmark]
    public int Library() => RunJob(_path).Customers;

    internal static (long Rows, int Customers) RunJob(string path)
    {
        var import = CsvTransactions.SummariseFile(path, new SummaryOptions { AsOf = SyntheticData.AsOf });
        return (import.Report.RowsRead, Pipeline.Run(import.Summary.Customers).Count);
    }

    /// <summary>Writes <paramref name="rows"/> transactions of the synthetic log as a CSV export to a temporary file.</summary>
    internal static string WriteExport(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), "customervalue-bench-" + rows.ToString(CultureInfo.InvariantCulture) + ".csv");
        var log = SyntheticData.Transactions(rows);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("customer_id,order_date,amount\n");
        foreach (var t in log)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{t.CustomerId},{t.Timestamp:yyyy-MM-dd},{t.Amount}\n"));
        }

        return path;
    }
}
