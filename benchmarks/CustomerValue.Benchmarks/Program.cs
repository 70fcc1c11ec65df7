using System.Globalization;
using BenchmarkDotNet.Running;
using CustomerValue.Benchmarks;

// Two helpers besides BenchmarkDotNet, because its memory diagnoser counts allocations, not the peak:
//   write-export <rows> [customers]
//                         writes the synthetic CSV export (optionally folded onto that many customers) and prints its path;
//   csv-job <path>        runs read + summarise + score once on it, printing rows/s, the time of each part, the peak working set, the GC pauses and the JIT time
//                         (add --general for the benchmark's baseline: CsvHelper reader + in-memory summaries);
//   stage-times <n>       fits and scores the decision pipeline stage by stage on n customers, printing each time.
switch (args)
{
    case ["write-export", var rows]:
        Console.WriteLine(CsvJobBenchmarks.WriteExport(int.Parse(rows, CultureInfo.InvariantCulture)));
        return;
    case ["write-export", var rows, var customers]:
        Console.WriteLine(CsvJobBenchmarks.WriteExport(int.Parse(rows, CultureInfo.InvariantCulture), int.Parse(customers, CultureInfo.InvariantCulture)));
        return;
    case ["csv-job", var path]:
        CsvJobBenchmarks.PrintJob(path, general: false);
        return;
    case ["csv-job", var path, "--general"]:
        CsvJobBenchmarks.PrintJob(path, general: true);
        return;
    case ["stage-times", var size]:
        DecisionPipelineBenchmarks.PrintStageTimes(int.Parse(size, CultureInfo.InvariantCulture));
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}
