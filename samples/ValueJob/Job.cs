using System.Globalization;
using CustomerValue;
using CustomerValue.Csv;
using CustomerValue.Models;
using Samples.Common;

namespace ValueJob;

/// <summary>
/// One run of the job: read, score, report, write. Each report section and each output is one method, so a new
/// pipeline stage is one line in <see cref="BuildPipeline"/>, one Print method and one line in <see cref="Run"/>.
/// </summary>
internal sealed class Job(JobOptions options, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
{
    private readonly List<(string Path, string What)> _written = [];

    public int Run()
    {
        var inputs = SampleInputs.Resolve(options.Input, readsCustomers: true, stderr, stderrIsTerminal);
        DataFiles.CreateOutputFolder(options.Out);

        var import = inputs.Summarise(options.AsOf);
        var attributes = inputs.ReadAttributes();
        var population = attributes is null ? import.Summary.Customers : import.Summary.Customers.Join(attributes.Customers);
        var (model, clvNote) = Fit(population);
        var scored = model.Score(population);
        var pareto = Charts.Pareto(scored);
        var holdout = scored.Contains(ColumnNames.Clv) ? CheckHoldout(inputs, import.Summary.Customers) : null;

        PrintHeader(inputs);
        ReportSections.PrintRead(stdout, import.Report);
        ReportSections.PrintSummaries(stdout, import.Summary);
        if (attributes is not null)
        {
            ReportSections.PrintAttributes(stdout, inputs.CustomersFile!, attributes, import.Summary.Customers);
        }

        PrintModel(model);
        PrintSegments(scored);
        PrintConcentration(pareto);
        PrintTiers(scored);
        PrintLowValue(scored);
        PrintTopPriorities(scored, clvNote);
        if (holdout is not null)
        {
            PrintHoldout(holdout);
        }

        WriteScored(scored);
        WriteRejects(import);
        WriteModel(model);
        if (!options.NoCharts)
        {
            WriteCharts(scored, pareto, holdout);
        }

        ReportSections.PrintWritten(stdout, _written);
        return ExitCodes.Ok;
    }

    // CLV models need enough repeat customers to fit; on a small or odd export the job still scores everything else
    // and says why CLV is missing, rather than failing.
    private (FittedPipeline Model, string? ClvNote) Fit(CustomerFrame population)
    {
        try
        {
            return (BuildPipeline(withClv: true).Fit(population), null);
        }
        catch (Exception e) when (e is CustomerValue.Models.ModelConvergenceException or InvalidOperationException or ArgumentException)
        {
            return (BuildPipeline(withClv: false).Fit(population), "CLV left out: " + e.Message);
        }
    }

    private CustomerPipeline BuildPipeline(bool withClv)
    {
        try
        {
            var builder = new CustomerPipelineBuilder()
                .AddRfmScores(new RfmScoreOptions
                {
                    Bins = options.Bins,
                    Method = options.Method,
                    RecencyCutPoints = options.RecencyCuts,
                    FrequencyCutPoints = options.FrequencyCuts,
                    MonetaryCutPoints = options.MonetaryCuts,
                })
                .AddSegments(SegmentMaps.DefaultFor(options.Bins));
            if (withClv)
            {
                builder.AddClv();
            }

            return builder
                .AddAbcTiers()
                // The bundled customers.csv states potential on a 0..100 scale.
                .AddLowValueDetection(new LowValueOptions { PotentialThreshold = 70 })
                .AddPriority()
                .AddPriorityRank()
                .Build();
        }
        catch (ArgumentException e) when (options.Method == BinningMethod.FixedCutPoints)
        {
            throw new UsageException(Invariant($"The cut points of --r-cuts, --f-cuts and --m-cuts do not fit --bins {options.Bins}: {e.Message} Give {options.Bins - 1} strictly increasing numbers to each."), e);
        }
    }

    private void PrintHeader(SampleInputs inputs)
    {
        var mode = options.Input.Strict ? "strict" : "lenient: bad rows go to rejects.csv";
        Print($"ValueJob: {DataFiles.Display(inputs.TransactionsFile)} as of {options.AsOf:yyyy-MM-dd} ({mode})");
    }

    private void PrintModel(FittedPipeline model)
    {
        Print($"");
        Print($"Model (fitted on these customers; saved to model.json)");
        foreach (var stage in model.Describe())
        {
            foreach (var (key, value) in stage.Parameters)
            {
                Print($"  {stage.Name}: {key} = {value}");
            }
        }
    }

    private void PrintTiers(CustomerFrame scored)
    {
        Print($"");
        Print($"{"ABC tier (revenue)",-28} {"customers",9} {"share",6} {"revenue",13} {"share",6}");
        foreach (var row in TierSummary.Create(scored).Rows)
        {
            Print($"{row.Tier,-28} {row.Customers,9:N0} {row.CustomerShare,6:P1} {row.Value,13:N2} {row.ValueShare,6:P1}");
        }
    }

    private void PrintLowValue(CustomerFrame scored)
    {
        Print($"");
        Print($"{"Value status",-28} {"customers",9} {"share",6} {"revenue",6}  service");
        foreach (var row in LowValueSummary.Create(scored).Rows)
        {
            Print($"{row.Status,-28} {row.Customers,9:N0} {row.CustomerShare,6:P1} {row.ValueShare,6:P1}  {row.Recommendation}");
        }
    }

    private void PrintTopPriorities(CustomerFrame scored, string? clvNote)
    {
        var clv = scored.Contains(ColumnNames.Clv);
        Print($"");
        Print($"Top 10 priorities{(clv ? string.Empty : " (" + clvNote + ")")}");
        Print($"{"rank",4} {"customer",-10} {"revenue",11} {"P(alive)",8} {"CLV 12m",10} {"tier",-9} {"quadrant",-9} reasons");
        foreach (var entry in PriorityRanking.Top(scored, 10))
        {
            var row = scored.GetRow(scored.IndexOf(entry.CustomerId));
            var alive = clv ? row.GetNumber(ColumnNames.ProbabilityAlive).ToString("F3", CultureInfo.InvariantCulture) : "-";
            var value = clv ? row.GetNumber(ColumnNames.Clv).ToString("N2", CultureInfo.InvariantCulture) : "-";
            Print($"{entry.Rank,4} {entry.CustomerId,-10} {row.GetNumber(ColumnNames.Revenue),11:N2} {alive,8} {value,10} {row.GetText(ColumnNames.Tier),-9} {row.GetText(ColumnNames.Quadrant),-9} {row.GetText(ColumnNames.PriorityReasons)}");
        }
    }

    // Does the CLV model predict? Refit it on the older part of the history and compare its forecast of the rest with what
    // happened. The holdout is the last third of the history (a year of the bundled three), so it reaches the 12-month CLV horizon.
    private HoldoutCheck CheckHoldout(SampleInputs inputs, CustomerFrame customers)
    {
        var history = 0.0;
        foreach (var days in customers.GetNumeric(ColumnNames.TenureDays).Values)
        {
            history = Math.Max(history, days);
        }

        var holdoutDays = (int)(history / 3);
        if (holdoutDays < 1)
        {
            return new HoldoutCheck(null, null, Invariant($"left out: the history up to {options.AsOf:yyyy-MM-dd} is too short ({history:N0} days) to hold a part back."));
        }

        var summary = inputs.SummaryOptionsFor(options.AsOf.AddDays(-holdoutDays));
        try
        {
            // The rows the CSV reader rejects were reported by the first read; the split needs the transactions themselves.
            using var reader = inputs.OpenTransactions();
            var split = CustomerSummaries.SplitCalibrationHoldout(reader.ReadAll(), summary, options.AsOf);
            var calibration = split.Calibration.Customers;
            var model = BgNbdModel.Fit(
                calibration.GetNumeric(ColumnNames.ModelFrequency).Values,
                calibration.GetNumeric(ColumnNames.ModelRecency).Values,
                calibration.GetNumeric(ColumnNames.ModelT).Values,
                ModelTimeUnit.Day);
            return new HoldoutCheck(split, CalibrationHoldout.Compare(model, split, maxFrequency: 7), null);
        }
        catch (Exception e) when (e is ModelConvergenceException or ArgumentException)
        {
            return new HoldoutCheck(null, null, "left out: " + e.Message);
        }
    }

    private void PrintHoldout(HoldoutCheck holdout)
    {
        Print($"");
        if (holdout.Split is not { } split || holdout.Report is not { } report)
        {
            Print($"Holdout check {holdout.Note}");
            return;
        }

        Print($"Holdout check (BG/NBD refitted on orders up to {split.CalibrationEnd:yyyy-MM-dd}, predicting {split.CalibrationEnd.AddDays(1):yyyy-MM-dd} to {split.HoldoutEnd:yyyy-MM-dd})");
        Print($"  {"calibration customers",-22} {report.Customers,10:N0}");
        Print($"  {"new in the holdout",-22} {split.CustomersBornInHoldout,10:N0}   first order in the holdout: not in the check");
        Print($"  {"actual purchase days",-22} {report.ActualPurchases,10:N0}   days with an order in the holdout, summed over the calibration customers");
        Print($"  {"predicted",-22} {report.PredictedPurchases,10:N1}   {report.PredictedPurchases / report.ActualPurchases - 1,6:+0.0%;-0.0%} against actual");
        Print($"");
        Print($"{"Calibration repeat days",-28} {"customers",9} {"predicted",9} {"actual",9}   (mean holdout purchase days per customer)");
        foreach (var bucket in report.Buckets)
        {
            var label = bucket.IsOpenEnded ? Invariant($"{bucket.Frequency}+") : Invariant($"{bucket.Frequency}");
            Print($"{label,-28} {bucket.Customers,9:N0} {bucket.PredictedMean,9:F2} {bucket.ActualMean,9:F2}");
        }
    }

    private void PrintSegments(CustomerFrame scored)
    {
        var rows = SegmentSummary.Create(scored).Rows;
        Print($"");
        Print($"{"Segment",-28} {"customers",9} {"orders",8} {"revenue",13} {"AOV",8} {"share",6}");
        foreach (var row in rows)
        {
            Print($"{row.Segment,-28} {row.Customers,9:N0} {row.Orders,8:N0} {row.Revenue,13:N2} {row.AverageOrderValue,8:N2} {row.RevenueShare,6:P1}");
        }

        var customers = rows.Sum(r => r.Customers);
        var orders = rows.Sum(r => r.Orders);
        var revenue = rows.Sum(r => r.Revenue);
        Print($"{"total",-28} {customers,9:N0} {orders,8:N0} {revenue,13:N2} {(orders == 0 ? 0 : revenue / orders),8:N2} {(rows.Count == 0 ? 0 : 1),6:P1}");
    }

    private void PrintConcentration((double[] Customers, double[] Revenue) pareto)
    {
        var top20 = 0.0;
        for (var i = 0; i < pareto.Customers.Length && pareto.Customers[i] <= 20; i++)
        {
            top20 = pareto.Revenue[i];
        }

        Print($"");
        Print($"Revenue concentration: the top 20% of customers bring {top20:F1}% of revenue; 80% of revenue comes from the top {Charts.ShareReaching(pareto.Customers, pareto.Revenue, 80):F1}% of customers.");
    }

    private void WriteScored(CustomerFrame scored)
    {
        var path = OutPath("scored.csv");
        CsvExport.WriteFrameToFile(scored, path);
        _written.Add((path, Invariant($"{scored.Count:N0} customers, {scored.Columns.Count + 1} columns")));
    }

    private void WriteRejects(CsvSummaryImport import)
    {
        var path = OutPath("rejects.csv");
        RejectsFile.Write(path, import, options);
        _written.Add((path, Invariant($"{import.Report.RowsRejected:N0} rejected rows, {import.Summary.Issues.Count:N0} excluded transactions")));
    }

    private void WriteModel(FittedPipeline model)
    {
        var path = OutPath("model.json");
        File.WriteAllText(path, model.ToJson());
        _written.Add((path, "fitted pipeline (FittedPipeline.FromJson reloads it)"));
    }

    private void WriteCharts(CustomerFrame scored, (double[] Customers, double[] Revenue) pareto, HoldoutCheck? holdout)
    {
        var segments = OutPath("segments.png");
        Charts.SegmentBars(segments, SegmentSummary.Create(scored).Rows);
        _written.Add((segments, "customers and revenue per segment"));

        var heatmap = OutPath("rf-heatmap.png");
        Charts.RecencyFrequencyHeatmap(heatmap, scored, ColumnNames.Monetary, "Average spend by recency and frequency score");
        _written.Add((heatmap, "average spend per R x F score"));

        var curve = OutPath("pareto.png");
        Charts.ParetoCurve(curve, pareto.Customers, pareto.Revenue);
        _written.Add((curve, "ABC (Pareto) curve of revenue"));

        if (scored.Contains(ColumnNames.Clv))
        {
            var expected = OutPath("expected-purchases.png");
            Charts.RecencyFrequencyHeatmap(expected, scored, ColumnNames.ExpectedPurchases, "Expected purchases in the next 12 months by recency and frequency score", "F2");
            _written.Add((expected, "expected purchases per R x F score"));

            var alive = OutPath("p-alive.png");
            Charts.RecencyFrequencyHeatmap(alive, scored, ColumnNames.ProbabilityAlive, "P(alive) by recency and frequency score", "F2");
            _written.Add((alive, "P(alive) per R x F score"));
        }

        if (holdout is { Report: { } report, Split: { } split })
        {
            var path = OutPath("holdout.png");
            Charts.HoldoutBars(path, report, split);
            _written.Add((path, "predicted vs actual holdout purchase days per calibration frequency"));
        }
    }

    private string OutPath(string name) => Path.Combine(options.Out, name);

    private void Print(FormattableString text) => stdout.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The holdout check: the split and the report, or why the check was left out.</summary>
    private sealed record HoldoutCheck(CalibrationHoldoutSplit? Split, CalibrationReport? Report, string? Note);
}
