using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using CustomerValue.Benchmarks;

// Two helpers besides BenchmarkDotNet, because its memory diagnoser counts allocations, not the peak:
//   write-export <rows>   writes the synthetic CSV export and prints its path;
//   csv-job <path>        runs read + summarise + score once on it, printing rows/s and the peak working set;
//   stage-times <n>       fits and scores the decision pipeline stage by stage on n customers, printing each time.
switch (args)
{
    case ["write-export", var rows]:
        Console.WriteLine(CsvJobBenchmarks.WriteExport(int.Parse(rows, CultureInfo.InvariantCulture)));
        return;
    case ["csv-job", var path]:
        var clock = Stopwatch.StartNew();
        var (rowsRead, customers) = CsvJobBenchmarks.RunJob(path);
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rowsRead:N0} rows, {customers:N0} customers: {clock.Elapsed.TotalSeconds:F2} s, {rowsRead / clock.Elapsed.TotalSeconds / 1e6:F2}M rows/s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        return;
    case ["stage-times", var size]:
        DecisionPipelineBenchmarks.PrintStageTimes(int.Parse(size, CultureInfo.InvariantCulture));
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
