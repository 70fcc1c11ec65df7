using System.Globalization;
using CustomerValue;
using CustomerValue.Csv;
using Samples.Common;

namespace LowValueReview;

/// <summary>One run of the review: read, detect, report, write. Each report section and each output is one method.</summary>
internal sealed class Review(ReviewOptions options, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
{
    // The statuses a review is about, in the order the lists and low-value.csv show them.
    private static readonly string[] ReviewedStatuses = [ValueStatuses.LowValue, ValueStatuses.Valueless, ValueStatuses.Potential];

    private static readonly string[] PotentialEvidence = [LowValueReasonNames.NewCustomer, LowValueReasonNames.GrowingSpend, LowValueReasonNames.StatedPotential];

    // The attribute columns low-value.csv carries when the population has them, after the summary columns.
    private static readonly string[] CsvColumns =
    [
        ColumnNames.ValueStatus, ColumnNames.StatusReasons, ColumnNames.LowValueCriteria, ColumnNames.Revenue, ColumnNames.Orders,
        ColumnNames.RecencyDays, ColumnNames.TenureDays, ColumnNames.WindowSpend, ColumnNames.PreviousWindowSpend,
        ColumnNames.Interactions, ColumnNames.Complaints, ColumnNames.Satisfaction, ColumnNames.Potential, ColumnNames.AccountManager,
    ];

    private readonly List<(string Path, string What)> _written = [];

    public int Run()
    {
        var inputs = SampleInputs.Resolve(options.Input, readsCustomers: true, stderr, stderrIsTerminal);
        DataFiles.CreateOutputFolder(options.Out);

        var import = inputs.Summarise(options.AsOf, options.GrowthWindow);
        var attributes = inputs.ReadAttributes();
        var population = attributes is null ? import.Summary.Customers : import.Summary.Customers.Join(attributes.Customers);
        var (lowValue, off) = CriteriaFor(population);
        var model = new CustomerPipelineBuilder()
            .WithInputColumns(population.Columns.Select(c => c.Name))
            .AddLowValueDetection(lowValue)
            .Build()
            .Fit(population);
        var scored = model.Score(population);

        Print($"LowValueReview: {DataFiles.Display(inputs.TransactionsFile)} as of {options.AsOf:yyyy-MM-dd} ({inputs.Mode})");
        ReportSections.PrintRead(stdout, import.Report);
        ReportSections.PrintSummaries(stdout, import.Summary);
        if (attributes is not null)
        {
            ReportSections.PrintAttributes(stdout, inputs.CustomersFile!, attributes, import.Summary.Customers);
        }

        PrintCriteria(lowValue, off, model, population);
        PrintStatuses(scored);
        PrintWhy(scored);
        PrintSaved(scored);
        foreach (var status in ReviewedStatuses)
        {
            PrintList(scored, status);
        }

        WriteCsv(scored);
        ReportSections.PrintWritten(stdout, _written);
        return ExitCodes.Ok;
    }

    // An attribute criterion needs its column; without it the criterion is off, and the report says so, rather than
    // failing a review of a transaction export that simply has no attribute export next to it.
    private (LowValueOptions Options, List<string> Off) CriteriaFor(CustomerFrame population)
    {
        var o = options.LowValue;
        var off = new List<string>();
        if (o.MaxInteractions is not null && !population.Contains(ColumnNames.Interactions))
        {
            o = o with { MaxInteractions = null };
            off.Add(LowValueReasonNames.FewInteractions + " (no interactions column)");
        }

        if (o.MinComplaints is not null && !population.Contains(ColumnNames.Complaints))
        {
            o = o with { MinComplaints = null };
            off.Add(LowValueReasonNames.ManyComplaints + " (no complaints column)");
        }

        if (o.MaxSatisfaction is not null && !population.Contains(ColumnNames.Satisfaction))
        {
            o = o with { MaxSatisfaction = null };
            off.Add(LowValueReasonNames.LowSatisfaction + " (no satisfaction column)");
        }

        var enabled = Enabled(o).Count;
        if (enabled == 0)
        {
            throw new UsageException("Every low-value criterion is off; turn at least one on, such as --max-orders 1.");
        }

        if (o.Combination == CriteriaCombination.AtLeast && o.MinimumCriteria > enabled)
        {
            throw new UsageException(Invariant($"--min-criteria {o.MinimumCriteria} is more than the {enabled} criteria in force ({string.Join(", ", Enabled(o).Select(c => c.Name))}); lower it, or use --combine any."));
        }

        return (o, off);
    }

    private static List<(string Name, string Test)> Enabled(LowValueOptions o, string threshold = "T")
    {
        var list = new List<(string, string)>();
        if (o.BottomValueShare is { } share)
        {
            list.Add((LowValueReasonNames.BottomValueShare, Invariant($"revenue <= {threshold}, fitted so that the customers up to it hold {share * 100:0.##}% of all revenue")));
        }

        if (o.MaxOrders is { } orders)
        {
            list.Add((LowValueReasonNames.FewOrders, Invariant($"orders <= {orders}")));
        }

        if (o.InactiveDays is { } days)
        {
            list.Add((LowValueReasonNames.Inactive, Invariant($"no purchase for >= {days} days")));
        }

        if (o.MaxInteractions is { } interactions)
        {
            list.Add((LowValueReasonNames.FewInteractions, Invariant($"interactions <= {interactions}")));
        }

        if (o.MinComplaints is { } complaints)
        {
            list.Add((LowValueReasonNames.ManyComplaints, Invariant($"complaints >= {complaints}")));
        }

        if (o.MaxSatisfaction is { } satisfaction)
        {
            list.Add((LowValueReasonNames.LowSatisfaction, Invariant($"satisfaction <= {satisfaction}")));
        }

        return list;
    }

    private void PrintCriteria(LowValueOptions o, List<string> off, FittedPipeline model, CustomerFrame population)
    {
        var threshold = model.Describe()[0].Parameters.Single(p => p.Key == "bottom share value threshold").Value;
        var enabled = Enabled(o, threshold);
        var combination = o.Combination switch
        {
            CriteriaCombination.All => Invariant($"all {enabled.Count} criteria"),
            CriteriaCombination.Any => "any of these criteria",
            _ => Invariant($"at least {o.MinimumCriteria} of these {enabled.Count} criteria"),
        };
        Print($"");
        Print($"Low value: {combination}");
        foreach (var (name, test) in enabled)
        {
            Print($"  {name,-22} {test}");
        }

        foreach (var name in off)
        {
            Print($"  {"off",-22} {name}");
        }

        var potential = o.PotentialThreshold is { } p && population.Contains(o.PotentialColumn)
            ? Invariant($"stated potential ({o.PotentialColumn} > {p})")
            : "no stated potential (" + (o.PotentialThreshold is null ? "--potential-threshold off" : "no " + o.PotentialColumn + " column") + ")";
        Print($"Potential (saves a low-value customer): new customer (first order < {o.NewCustomerDays} days ago), growing spend (last {options.GrowthWindow} days above the {options.GrowthWindow} before), {potential}");
    }

    private void PrintStatuses(CustomerFrame scored)
    {
        Print($"");
        Print($"{"Value status",-12} {"customers",9} {"share",6} {"revenue",13} {"share",6}  service");
        foreach (var row in LowValueSummary.Create(scored).Rows)
        {
            Print($"{row.Status,-12} {row.Customers,9:N0} {row.CustomerShare,6:P1} {row.Value,13:N2} {row.ValueShare,6:P1}  {row.Recommendation}");
        }
    }

    private void PrintWhy(CustomerFrame scored)
    {
        var status = scored.GetCategory(ColumnNames.ValueStatus);
        var criteria = (FlagsColumn)scored[ColumnNames.LowValueCriteria];
        var counts = new int[ReviewedStatuses.Length, criteria.FlagNames.Count];
        var combinations = new Dictionary<ulong, int>();
        for (var i = 0; i < scored.Count; i++)
        {
            var s = Array.IndexOf(ReviewedStatuses, status[i]);
            if (s < 0)
            {
                continue;
            }

            for (var f = 0; f < criteria.FlagNames.Count; f++)
            {
                if ((criteria[i] & (1UL << f)) != 0)
                {
                    counts[s, f]++;
                }
            }

            if (ReviewedStatuses[s] == ValueStatuses.LowValue)
            {
                combinations[criteria[i]] = combinations.GetValueOrDefault(criteria[i]) + 1;
            }
        }

        Print($"");
        Print($"{"Criteria that fired",-22} {ReviewedStatuses[0],9} {ReviewedStatuses[1],9} {ReviewedStatuses[2],9}");
        for (var f = 0; f < criteria.FlagNames.Count; f++)
        {
            Print($"{criteria.FlagNames[f],-22} {counts[0, f],9:N0} {counts[1, f],9:N0} {counts[2, f],9:N0}");
        }

        Print($"");
        Print($"Low value by the criteria that fired together (most common first)");
        foreach (var (bits, n) in combinations.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(5))
        {
            Print($"  {n,7:N0}  {string.Join(" + ", Names(criteria.FlagNames, bits))}");
        }
    }

    private void PrintSaved(CustomerFrame scored)
    {
        var status = scored.GetCategory(ColumnNames.ValueStatus);
        var reasons = (FlagsColumn)scored[ColumnNames.StatusReasons];
        var bits = PotentialEvidence.Select(e => 1UL << IndexOf(reasons.FlagNames, e)).ToArray();
        var counts = new int[PotentialEvidence.Length];
        var saved = 0;
        var several = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            if (status[i] != ValueStatuses.Potential)
            {
                continue;
            }

            saved++;
            var found = 0;
            for (var e = 0; e < bits.Length; e++)
            {
                if ((reasons[i] & bits[e]) != 0)
                {
                    counts[e]++;
                    found++;
                }
            }

            several += found > 1 ? 1 : 0;
        }

        Print($"");
        Print($"Saved by potential: {saved:N0} customers met the low-value test but show potential ({several:N0} with more than one kind of evidence)");
        for (var e = 0; e < PotentialEvidence.Length; e++)
        {
            Print($"  {PotentialEvidence[e],-22} {counts[e],9:N0}");
        }
    }

    private void PrintList(CustomerFrame scored, string status)
    {
        var rows = RowsOf(scored, status);
        if (options.Show == 0)
        {
            return;
        }

        if (rows.Count == 0)
        {
            Print($"");
            Print($"{status}: none");
            return;
        }

        // A low-value customer's reasons are its criteria; the others show the criteria that fired beside their reasons.
        var withCriteria = status != ValueStatuses.LowValue;
        Print($"");
        Print($"{status}: {Math.Min(options.Show, rows.Count)} of {rows.Count:N0}, least revenue first");
        Print($"  {"customer",-12} {"revenue",10} {"orders",6} {"recency",7}  {(withCriteria ? Invariant($"{"reasons",-46} criteria that fired") : "reasons")}");
        foreach (var i in rows.Take(options.Show))
        {
            var row = scored.GetRow(i);
            var reasons = scored[ColumnNames.StatusReasons].FormatValue(i);
            var text = withCriteria ? Invariant($"{reasons,-46} {scored[ColumnNames.LowValueCriteria].FormatValue(i)}") : reasons;
            Print($"  {row.CustomerId,-12} {row.GetNumber(ColumnNames.Revenue),10:N2} {row.GetNumber(ColumnNames.Orders),6:N0} {row.GetNumber(ColumnNames.RecencyDays),7:N0}  {text}");
        }
    }

    private void WriteCsv(CustomerFrame scored)
    {
        var rows = ReviewedStatuses.SelectMany(s => RowsOf(scored, s)).ToList();
        var picked = scored.Select(rows);
        var columns = CsvColumns.Where(picked.Contains).Select(c => picked[c]);
        var path = Path.Combine(options.Out, "low-value.csv");
        CsvExport.WriteFrameToFile(CustomerFrame.Create(picked.CustomerIds, columns), path);
        _written.Add((path, Invariant($"{rows.Count:N0} customers ({string.Join(", ", ReviewedStatuses)}) with status, reasons, criteria and revenue")));
    }

    // Rows of one status, least revenue first, equal revenue by customer id (ordinal), so lists are the same on every run.
    private static List<int> RowsOf(CustomerFrame scored, string status)
    {
        var statuses = scored.GetCategory(ColumnNames.ValueStatus);
        var revenue = scored.GetNumeric(ColumnNames.Revenue);
        var ids = scored.CustomerIds;
        var rows = new List<int>();
        for (var i = 0; i < scored.Count; i++)
        {
            if (statuses[i] == status)
            {
                rows.Add(i);
            }
        }

        rows.Sort((a, b) =>
        {
            var byRevenue = revenue[a].CompareTo(revenue[b]);
            return byRevenue != 0 ? byRevenue : string.CompareOrdinal(ids[a], ids[b]);
        });
        return rows;
    }

    private static IEnumerable<string> Names(IReadOnlyList<string> flags, ulong bits)
        => Enumerable.Range(0, flags.Count).Where(f => (bits & (1UL << f)) != 0).Select(f => flags[f]);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException("The low-value stage has no flag '" + name + "'.");
    }

    private void Print(FormattableString text) => stdout.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
