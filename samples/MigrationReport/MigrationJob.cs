using System.Globalization;
using CustomerValue;
using CustomerValue.Csv;
using Samples.Common;

namespace Migrations;

/// <summary>One run: read both snapshots, fit at the first, score both, report, write. Each section is one method.</summary>
internal sealed class MigrationJob(ReportOptions options, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
{
    /// <summary>The tier of customers whose window revenue is zero or negative.</summary>
    public const string NoRevenue = "No revenue";

    private readonly List<(string Path, string What)> _written = [];

    public int Run()
    {
        var inputs = SampleInputs.Resolve(options.Input, readsCustomers: false, stderr, stderrIsTerminal);
        DataFiles.CreateOutputFolder(options.Out);

        // Each as-of date reads the export once; the growth window doubles as the revenue window the tiers rank.
        var first = inputs.Summarise(options.From, options.Window);
        var second = inputs.Summarise(options.To, options.Window);
        var before = Active(first.Summary.Customers, "--from", options.From);
        var after = Active(second.Summary.Customers, "--to", options.To);

        var model = BuildPipeline().Fit(before);
        var scoredBefore = model.Score(before);
        var scoredAfter = model.Score(after);
        var report = CustomerValue.MigrationReport.Create(scoredBefore, scoredAfter, new MigrationOptions { ValueColumn = ColumnNames.WindowSpend });
        var tiers = report.GetMatrix(ColumnNames.Tier);
        var segments = report.GetMatrix(ColumnNames.Segment);

        Print($"MigrationReport: {DataFiles.Display(inputs.TransactionsFile)} from {options.From:yyyy-MM-dd} to {options.To:yyyy-MM-dd} ({inputs.Mode})");
        ReportSections.PrintRead(stdout, second.Report);
        PrintSnapshots(first.Summary, before, second.Summary, after);
        PrintModel(model);
        PrintCustomers(report, tiers);
        PrintMatrix(tiers, "Tier");
        PrintValueFlows(tiers);
        PrintMatrix(segments, "Segment");
        PrintMovers(tiers.MovedUp, "up", descending: true);
        PrintMovers(tiers.MovedDown, "down", descending: false);
        PrintNewAndLost(tiers);

        WriteCsv(scoredBefore, scoredAfter, tiers);
        if (!options.NoChart)
        {
            var path = Path.Combine(options.Out, "tier-migration.png");
            Chart.TierMigration(path, tiers, options.From, options.To);
            _written.Add((path, "tier transition matrix (share of each 'before' tier), with new and lost customers"));
        }

        ReportSections.PrintWritten(stdout, _written);
        return ExitCodes.Ok;
    }

    private static CustomerPipeline BuildPipeline() => new CustomerPipelineBuilder()
        .AddRfmScores()
        .AddSegments()
        .AddAbcTiers(new AbcTierOptions { ValueColumn = ColumnNames.WindowSpend, ValuelessTier = NoRevenue })
        .Build();

    // Recency below the window means an order inside it: the window ends on the as-of date and includes it.
    private CustomerFrame Active(CustomerFrame customers, string option, DateOnly asOf)
    {
        var recency = customers.GetNumeric(ColumnNames.RecencyDays);
        var rows = new List<int>();
        for (var i = 0; i < customers.Count; i++)
        {
            if (recency[i] < options.Window)
            {
                rows.Add(i);
            }
        }

        return rows.Count > 0
            ? customers.Select(rows)
            : throw new UsageException(Invariant($"No customer has an order in the {options.Window} days up to {option} {asOf:yyyy-MM-dd}; choose a date inside the export or a longer --window."));
    }

    private void PrintSnapshots(SummaryResult first, CustomerFrame before, SummaryResult second, CustomerFrame after)
    {
        Print($"");
        Print($"{"Snapshot",-10} {"as of",-10} {"customers",9} {"active",9} {"window revenue",15}  (active: an order in the {options.Window} days up to the date)");
        Print($"{"before",-10} {options.From,-10:yyyy-MM-dd} {first.Customers.Count,9:N0} {before.Count,9:N0} {Sum(before),15:N2}");
        Print($"{"after",-10} {options.To,-10:yyyy-MM-dd} {second.Customers.Count,9:N0} {after.Count,9:N0} {Sum(after),15:N2}");

        static double Sum(CustomerFrame frame)
        {
            var total = 0.0;
            foreach (var v in frame.GetNumeric(ColumnNames.WindowSpend).Values)
            {
                total += v;
            }

            return total;
        }
    }

    private void PrintModel(FittedPipeline model)
    {
        Print($"");
        Print($"Model (fitted on the 'before' snapshot, then frozen for both)");
        foreach (var stage in model.Describe())
        {
            foreach (var (key, value) in stage.Parameters.Where(p => p.Key.EndsWith("thresholds", StringComparison.Ordinal) || stage.Name == "abc-tiers"))
            {
                Print($"  {stage.Name}: {key} = {value}");
            }
        }
    }

    private void PrintCustomers(CustomerValue.MigrationReport report, MigrationMatrix tiers)
    {
        Print($"");
        Print($"Customers: {report.MatchedCustomers:N0} in both snapshots (tier stayed {tiers.Stayed:N0}, up {tiers.MovedUp.Count:N0}, down {tiers.MovedDown.Count:N0}), {report.NewCustomers:N0} new, {report.LostCustomers:N0} lost");
        Print($"Window revenue: in both {report.MatchedValueBefore:N2} -> {report.MatchedValueAfter:N2}, new +{report.NewValue:N2}, lost -{report.LostValue:N2}");
    }

    // Columns are numbered so that long segment names fit; the row labels say which number is which.
    private void PrintMatrix(MigrationMatrix matrix, string title)
    {
        var labels = matrix.Labels;
        var n = labels.Count;
        Print($"");
        Print($"{title} transitions: customers in both snapshots (rows = before, columns = after)");
        var header = Invariant($"{string.Empty,-5}{string.Empty,-28}") + string.Concat(Enumerable.Range(1, n).Select(j => Invariant($"{j,6}"))) + Invariant($"{"total",8}");
        Print($"{header}");
        var columnTotals = new int[n];
        for (var i = 0; i < n; i++)
        {
            var line = Invariant($"{i + 1,3}  {labels[i],-28}");
            var rowTotal = 0;
            for (var j = 0; j < n; j++)
            {
                var count = matrix.Cells[(i * n) + j].Customers;
                rowTotal += count;
                columnTotals[j] += count;
                line += Invariant($"{count,6:N0}");
            }

            Print($"{line}{rowTotal,8:N0}");
        }

        Print($"{string.Empty,-5}{"total",-28}{string.Concat(columnTotals.Select(c => Invariant($"{c,6:N0}")))}{matrix.MatchedCustomers,8:N0}");
    }

    private void PrintValueFlows(MigrationMatrix tiers)
    {
        Print($"");
        Print($"Window revenue moving between tiers (customers in both snapshots)");
        Print($"  {"from",-12} {"to",-12} {"customers",9} {"before",14} {"after",14} {"change",14}");
        foreach (var cell in tiers.Cells.Where(c => c.Customers > 0))
        {
            Print($"  {cell.From,-12} {cell.To,-12} {cell.Customers,9:N0} {cell.ValueBefore,14:N2} {cell.ValueAfter,14:N2} {cell.ValueChange,14:N2}");
        }
    }

    // The library lists moves by the number of tiers crossed; a reader wants the largest revenue changes first.
    private void PrintMovers(IReadOnlyList<CustomerMove> moves, string direction, bool descending)
    {
        if (options.Top == 0)
        {
            return;
        }

        var ordered = moves
            .OrderBy(m => descending ? -(m.ValueAfter - m.ValueBefore) : m.ValueAfter - m.ValueBefore)
            .ThenBy(m => m.CustomerId, StringComparer.Ordinal)
            .Take(options.Top)
            .ToList();
        Print($"");
        Print($"Top movers {direction}: {ordered.Count} of {moves.Count:N0}, largest revenue change first");
        Print($"  {"customer",-16} {"from",-12} {"to",-12} {"before",12} {"after",12} {"change",12}");
        foreach (var m in ordered)
        {
            Print($"  {m.CustomerId,-16} {m.From,-12} {m.To,-12} {m.ValueBefore,12:N2} {m.ValueAfter,12:N2} {m.ValueAfter - m.ValueBefore,12:N2}");
        }
    }

    private void PrintNewAndLost(MigrationMatrix tiers)
    {
        Print($"");
        Print($"{"New and lost by tier",-22} {"new",9} {"revenue",14} {"lost",9} {"revenue",14}");
        foreach (var tier in tiers.Labels)
        {
            var gained = tiers.NewCustomers.Where(c => c.Category == tier).ToList();
            var lost = tiers.LostCustomers.Where(c => c.Category == tier).ToList();
            Print($"  {tier,-20} {gained.Count,9:N0} {gained.Sum(c => c.Value),14:N2} {lost.Count,9:N0} {lost.Sum(c => c.Value),14:N2}");
        }
    }

    private void WriteCsv(CustomerFrame before, CustomerFrame after, MigrationMatrix tiers)
    {
        var steps = tiers.MovedUp.Concat(tiers.MovedDown).ToDictionary(m => m.CustomerId, m => m.Steps, StringComparer.Ordinal);
        var ids = before.CustomerIds.Union(after.CustomerIds, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var change = new List<string>(ids.Count);
        var stepColumn = new List<double>(ids.Count);
        foreach (var id in ids)
        {
            var (b, a) = (before.IndexOf(id), after.IndexOf(id));
            var s = steps.GetValueOrDefault(id);
            change.Add(b < 0 ? "new" : a < 0 ? "lost" : s > 0 ? "up" : s < 0 ? "down" : "stayed");
            stepColumn.Add(b < 0 || a < 0 ? double.NaN : s);
        }

        FrameColumn[] columns =
        [
            new CategoryColumn("change", change, ["up", "down", "stayed", "new", "lost"]),
            new TextColumn("tier_before", Text(before, ids, ColumnNames.Tier)),
            new TextColumn("tier_after", Text(after, ids, ColumnNames.Tier)),
            new NumericColumn("tier_steps", stepColumn),
            new TextColumn("segment_before", Text(before, ids, ColumnNames.Segment)),
            new TextColumn("segment_after", Text(after, ids, ColumnNames.Segment)),
            new NumericColumn("window_revenue_before", Number(before, ids, ColumnNames.WindowSpend)),
            new NumericColumn("window_revenue_after", Number(after, ids, ColumnNames.WindowSpend)),
        ];
        var path = Path.Combine(options.Out, "migration.csv");
        CsvExport.WriteFrameToFile(CustomerFrame.Create(ids, columns), path);
        _written.Add((path, Invariant($"{ids.Count:N0} customers active at either date, with tier and segment before and after")));
    }

    private static IEnumerable<string?> Text(CustomerFrame frame, List<string> ids, string column)
    {
        var values = frame[column];
        return ids.Select(id => frame.IndexOf(id) is var i and >= 0 ? values.FormatValue(i) : null);
    }

    private static IEnumerable<double> Number(CustomerFrame frame, List<string> ids, string column)
    {
        var values = frame.GetNumeric(column);
        return ids.Select(id => frame.IndexOf(id) is var i and >= 0 ? values[i] : double.NaN);
    }

    private void Print(FormattableString text) => stdout.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
