using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using BenchmarkDotNet.Attributes;
using CustomerValue;
using CustomerValue.Csv;

namespace CustomerValue.Benchmarks;

/// <summary>
/// End to end from a transaction CSV export: read + summarise + RFM scores and segments. The baseline is the general
/// path the streaming import replaced: every transaction read by <see cref="CsvTransactionReader"/> (CsvHelper), then
/// summarised in memory by <see cref="CustomerSummaries.FromTransactions"/>, which holds every row. With 1,000
/// customers the streaming import's allocations stay flat from 1M to 10M rows (its state is per customer and distinct
/// purchase day) while the baseline's grow with the rows; with rows/10 customers, as in the synthetic log, nearly every
/// row is a new (customer, day), so both grow. <c>csv-job</c> in Program.cs measures the peak working set.
/// </summary>
[MemoryDiagnoser]
public class CsvJobBenchmarks
{
    private static readonly CustomerPipeline Pipeline = new CustomerPipelineBuilder().AddRfmScores().AddSegments().Build();
    private static readonly SummaryOptions Summary = new() { AsOf = SyntheticData.AsOf };
    private string _path = string.Empty;

    [Params(1_000_000, 10_000_000)]
    public int Rows { get; set; }

    /// <summary>Gets or sets the number of customers: 0 for the synthetic log's rows/10.</summary>
    [Params(0, 1000)]
    public int Customers { get; set; }

    // Its own file name, so the cleanup never deletes an export written by write-export.
    [GlobalSetup]
    public void Setup() => _path = WriteExport(Rows, Customers, "customervalue-csvjob-");

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>The general path: CsvHelper reader, every transaction into the in-memory summary builder, then fit + score.</summary>
    [Benchmark(Baseline = true)]
    public int ReaderThenInMemorySummaries() => Pipeline.Run(SummariseGenerally(_path).Customers).Count;

    /// <summary>The library: the streaming import (hand-parsed UTF-8 on two threads into per-customer totals), then fit + score.</summary>
    [Benchmark]
    public int StreamingImport() => RunJob(_path).Customers;

    internal static (long Rows, int Customers) RunJob(string path)
    {
        var import = CsvTransactions.SummariseFile(path, Summary);
        return (import.Report.RowsRead, Pipeline.Run(import.Summary.Customers).Count);
    }

    /// <summary>
    /// Runs the job once (the streaming import, or with <paramref name="general"/> the baseline's path) and prints the rows
    /// per second, the time of each part, the peak working set and the time spent compiling (a one-off run pays for the
    /// JIT, which BenchmarkDotNet's warm-up leaves out).
    /// </summary>
    internal static void PrintJob(string path, bool general)
    {
        var pauses = GC.GetTotalPauseDuration();
        var jit = JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        var summary = general ? SummariseGenerally(path) : CsvTransactions.SummariseFile(path, Summary).Summary;
        var read = clock.Elapsed;
        var allocated = GC.GetTotalAllocatedBytes();
        var customers = Pipeline.Run(summary.Customers).Count;
        clock.Stop();
        var rows = summary.TransactionsRead;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} rows, {customers:N0} customers: {clock.Elapsed.TotalSeconds:F2} s (read + summarise {read.TotalSeconds:F2} s, score {(clock.Elapsed - read).TotalSeconds:F2} s), {rows / clock.Elapsed.TotalSeconds / 1e6:F2}M rows/s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB, {allocated / 1e6:F0} MB allocated while reading, GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} pausing {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:F0} ms, JIT {(JitInfo.GetCompilationTime() - jit).TotalMilliseconds:F0} ms on all threads"));
    }

    private static SummaryResult SummariseGenerally(string path)
    {
        using var reader = CsvTransactionReader.Open(path);
        return CustomerSummaries.FromTransactions(reader.ReadAll(), Summary);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> transactions of the synthetic log as a CSV export to a temporary file; with
    /// <paramref name="customers"/> above 0 the synthetic customer numbers are folded onto that many ids.
    /// </summary>
    /// <param name="rows">The number of transactions.</param>
    /// <param name="customers">The number of customers, or 0 for the synthetic log's own.</param>
    /// <param name="prefix">The start of the file name.</param>
    internal static string WriteExport(int rows, int customers = 0, string prefix = "customervalue-bench-")
    {
        var name = prefix + rows.ToString(CultureInfo.InvariantCulture) + (customers > 0 ? "-" + customers.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var path = Path.Combine(Path.GetTempPath(), name + ".csv");
        var log = SyntheticData.Transactions(rows);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write("customer_id,order_date,amount\n");
        foreach (var t in log)
        {
            var id = customers > 0 ? "C-" + (int.Parse(t.CustomerId.AsSpan(2), CultureInfo.InvariantCulture) % customers).ToString("D8", CultureInfo.InvariantCulture) : t.CustomerId;
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{id},{t.Timestamp:yyyy-MM-dd},{t.Amount}\n"));
        }

        return path;
    }
}
