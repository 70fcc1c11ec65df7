using System.Globalization;
using CustomerValue;
using CustomerValue.Csv;
using Samples.Common;

namespace Worklists;

/// <summary>One run: read, rank, report, write. Each report section and each output is one method.</summary>
internal sealed class WorklistJob(WorklistOptions options, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
{
    // A worklist line shows the strongest reasons; worklists.csv has them all.
    private const int PrintedReasons = 3;

    private static readonly string[] Quadrants = [PriorityQuadrants.ActNow, PriorityQuadrants.Nurture, PriorityQuadrants.LowTouch, PriorityQuadrants.Monitor];

    private readonly List<(string Path, string What)> _written = [];

    public int Run()
    {
        var inputs = SampleInputs.Resolve(options.Input, readsCustomers: true, stderr, stderrIsTerminal);
        if (inputs.CustomersFile is null)
        {
            throw new UsageException("Worklists need the customer-attribute export that names each customer's account manager; pass --customers <file> with --input.");
        }

        DataFiles.CreateOutputFolder(options.Out);
        var import = inputs.Summarise(options.AsOf);
        var attributes = inputs.ReadAttributes()!;
        if (!attributes.Customers.Contains(options.ManagerColumn))
        {
            throw new CsvImportException(Invariant($"The customer-attribute export '{inputs.CustomersFile}' has no column '{options.ManagerColumn}' (its columns: {string.Join(", ", attributes.Customers.Columns.Select(c => c.Name))}); name the manager column with --manager-column."));
        }

        var population = import.Summary.Customers.Join(attributes.Customers);
        var (model, clvNote) = Fit(population);
        var scored = model.Score(population);
        var worklists = PriorityRanking.Worklists(scored, options.Top, options.ManagerColumn);
        var selected = Select(worklists);

        Print($"Worklists: {DataFiles.Display(inputs.TransactionsFile)} as of {options.AsOf:yyyy-MM-dd} ({inputs.Mode})");
        ReportSections.PrintRead(stdout, import.Report);
        ReportSections.PrintSummaries(stdout, import.Summary);
        ReportSections.PrintAttributes(stdout, inputs.CustomersFile, attributes, import.Summary.Customers);
        PrintPriority(clvNote);
        PrintManagers(scored, worklists);
        foreach (var worklist in options.Managers.Count > 0 ? selected : selected.Take(options.PrintCount))
        {
            PrintWorklist(scored, worklist);
        }

        WriteCsv(scored, selected);
        ReportSections.PrintWritten(stdout, _written);
        return ExitCodes.Ok;
    }

    // P(alive) is one of the urgency factors; when the CLV models cannot be fitted on an export, the worklists still
    // rank by the other factors and say why P(alive) is missing.
    private static (FittedPipeline Model, string? ClvNote) Fit(CustomerFrame population)
    {
        try
        {
            return (Build(population, withClv: true).Fit(population), null);
        }
        catch (Exception e) when (e is CustomerValue.Models.ModelConvergenceException or InvalidOperationException or ArgumentException)
        {
            return (Build(population, withClv: false).Fit(population), "P(alive) left out: " + e.Message);
        }
    }

    private static CustomerPipeline Build(CustomerFrame population, bool withClv)
    {
        var builder = new CustomerPipelineBuilder()
            .WithInputColumns(population.Columns.Select(c => c.Name))
            .AddRfmScores()
            .AddSegments();
        if (withClv)
        {
            builder.AddClv();
        }

        return builder.AddAbcTiers().AddPriority(new PriorityOptions()).AddPriorityRank().Build();
    }

    private List<Worklist> Select(IReadOnlyList<Worklist> worklists)
    {
        if (options.Managers.Count == 0)
        {
            return [.. worklists];
        }

        var byManager = worklists.Where(w => w.Manager is not null).ToDictionary(w => w.Manager!, StringComparer.Ordinal);
        var unknown = options.Managers.Where(m => !byManager.ContainsKey(m)).ToList();
        if (unknown.Count > 0)
        {
            var known = byManager.Keys.Order(StringComparer.Ordinal).ToList();
            throw new UsageException(Invariant($"The option --manager names {string.Join(", ", unknown.Select(m => "'" + m + "'"))}, who has no customers; the managers are {string.Join(", ", known.Take(30))}{(known.Count > 30 ? ", ..." : string.Empty)}."));
        }

        return [.. options.Managers.Distinct(StringComparer.Ordinal).Select(m => byManager[m])];
    }

    private void PrintPriority(string? clvNote)
    {
        Print($"");
        var p = new PriorityOptions();
        Print($"Priority = {p.ImportanceWeight} x importance (revenue percentile) + {p.UrgencyWeight} x urgency (overdue {p.OverdueWeight}, complaints {p.ComplaintsWeight}, low satisfaction {p.SatisfactionWeight}, falling P(alive) {p.PAliveWeight})");
        if (clvNote is not null)
        {
            Print($"  {clvNote}");
        }
    }

    private void PrintManagers(CustomerFrame scored, IReadOnlyList<Worklist> worklists)
    {
        var managers = scored[options.ManagerColumn];
        var quadrant = scored.GetCategory(ColumnNames.Quadrant);
        var revenue = scored.GetNumeric(ColumnNames.Revenue);
        var rows = new SortedDictionary<string, (int Customers, int[] Quadrants, double Revenue)>(StringComparer.Ordinal);
        for (var i = 0; i < scored.Count; i++)
        {
            var name = managers.FormatValue(i);
            var key = name.Length == 0 ? "(none)" : name;
            if (!rows.TryGetValue(key, out var row))
            {
                row = (0, new int[Quadrants.Length], 0);
            }

            var q = Array.IndexOf(Quadrants, quadrant[i]);
            if (q >= 0)
            {
                row.Quadrants[q]++;
            }

            rows[key] = (row.Customers + 1, row.Quadrants, row.Revenue + revenue[i]);
        }

        var first = worklists.ToDictionary(w => w.Manager ?? "(none)", w => w.Customers[0], StringComparer.Ordinal);
        Print($"");
        Print($"{"Manager",-12} {"customers",9} {Quadrants[0],8} {Quadrants[1],8} {Quadrants[2],9} {Quadrants[3],8} {"revenue",13}  first on the worklist");
        foreach (var (manager, row) in rows)
        {
            var top = first[manager];
            Print($"{manager,-12} {row.Customers,9:N0} {row.Quadrants[0],8:N0} {row.Quadrants[1],8:N0} {row.Quadrants[2],9:N0} {row.Quadrants[3],8:N0} {row.Revenue,13:N2}  {top.CustomerId} ({top.Quadrant}, priority {top.Priority:F3})");
        }

        Print($"{"total",-12} {scored.Count,9:N0} {Total(0),8:N0} {Total(1),8:N0} {Total(2),9:N0} {Total(3),8:N0} {rows.Values.Sum(r => r.Revenue),13:N2}");

        int Total(int q) => rows.Values.Sum(r => r.Quadrants[q]);
    }

    private void PrintWorklist(CustomerFrame scored, Worklist worklist)
    {
        var manager = worklist.Manager ?? "(no manager)";
        var customers = CountOf(scored, worklist.Manager);
        Print($"");
        Print($"Worklist {manager}: top {worklist.Customers.Count} of {customers:N0} customers");
        Print($"{"rank",4} {"overall",7} {"customer",-12} {"revenue",10} {"tier",-4} {"segment",-27} {"quadrant",-9} {"priority",8}  top reasons");
        foreach (var entry in worklist.Customers)
        {
            var row = scored.GetRow(scored.IndexOf(entry.CustomerId));
            Print($"{entry.Rank,4} {row.GetNumber(ColumnNames.PriorityRank),7:N0} {entry.CustomerId,-12} {row.GetNumber(ColumnNames.Revenue),10:N2} {row.GetText(ColumnNames.Tier),-4} {row.GetText(ColumnNames.Segment),-27} {entry.Quadrant,-9} {entry.Priority,8:F3}  {string.Join("; ", entry.Reasons.Take(PrintedReasons))}");
        }
    }

    private void WriteCsv(CustomerFrame scored, List<Worklist> worklists)
    {
        var entries = worklists.SelectMany(w => w.Customers.Select(e => (w.Manager, Entry: e))).ToList();
        var rows = entries.Select(e => scored.IndexOf(e.Entry.CustomerId)).ToArray();
        var picked = scored.Select(rows);
        FrameColumn[] columns =
        [
            new TextColumn(options.ManagerColumn, entries.Select(e => e.Manager)),
            new NumericColumn("manager_rank", entries.Select(e => (double)e.Entry.Rank)),
            picked[ColumnNames.PriorityRank],
            picked[ColumnNames.Priority],
            picked[ColumnNames.Importance],
            picked[ColumnNames.Urgency],
            picked[ColumnNames.Quadrant],
            new TextColumn("reasons", entries.Select(e => string.Join("; ", e.Entry.Reasons))),
            picked[ColumnNames.Revenue],
            picked[ColumnNames.Tier],
            picked[ColumnNames.Segment],
        ];
        var path = Path.Combine(options.Out, "worklists.csv");
        CsvExport.WriteFrameToFile(CustomerFrame.Create(picked.CustomerIds, columns), path);
        _written.Add((path, Invariant($"{entries.Count:N0} customers on {worklists.Count:N0} worklists (top {options.Top} per manager)")));
    }

    private int CountOf(CustomerFrame scored, string? manager)
    {
        var managers = scored[options.ManagerColumn];
        var count = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            var name = managers.FormatValue(i);
            if (manager is null ? name.Length == 0 : name == manager)
            {
                count++;
            }
        }

        return count;
    }

    private void Print(FormattableString text) => stdout.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
