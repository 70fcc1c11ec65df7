using System.Globalization;
using System.Text;
using CustomerValue;
using CustomerValue.Allocation;
using CustomerValue.Csv;
using Samples.Common;

namespace PortfolioReport;

/// <summary>One run of the report: read, score two snapshots, allocate, measure, rank, print, write.</summary>
internal sealed class Report(ReportOptions options, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal)
{
    private const string PlannedManager = "planned_manager";

    // High-value and promising customers keep a dedicated manager; the rest go to cheaper channels.
    private static readonly ServicePolicy Policy = new()
    {
        ServiceByStatus = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ValueStatuses.Potential] = ServicePolicy.DedicatedManager,
            [ValueStatuses.LowValue] = "standard service",
            [ValueStatuses.Valueless] = "automated service",
        },
        ServiceByTier = new Dictionary<string, string>(StringComparer.Ordinal) { ["C"] = "pooled team" },
    };

    // One table for the plan and the KPIs, so "workload" means the same in both.
    private static readonly Dictionary<string, double> WorkloadByTier = new(StringComparer.Ordinal) { ["A"] = 2, ["B"] = 1.5, ["C"] = 1 };

    private static readonly ManagerKpiOptions KpiOptions = new() { WorkloadByTier = WorkloadByTier };

    private readonly List<(string Path, string What)> _written = [];

    public int Run()
    {
        var inputs = SampleInputs.Resolve(options.Input, readsCustomers: true, stderr, stderrIsTerminal);
        if (inputs.CustomersFile is null)
        {
            throw Missing("--customers", InputOptions.BundledCustomers);
        }

        var managersFile = ResolveManagers();
        DataFiles.CreateOutputFolder(options.Out);

        var current = inputs.Summarise(options.AsOf);
        var previous = inputs.Summarise(options.Previous);
        var attributes = ReadAttributes(inputs);
        var managers = ReadManagers(managersFile);
        if (previous.Summary.Customers.Count == 0)
        {
            throw new UsageException(Invariant($"No customer bought on or before --previous-as-of {options.Previous:yyyy-MM-dd}, so there is nothing to fit the model on; choose a later date."));
        }

        var before = previous.Summary.Customers.Join(attributes);
        var after = current.Summary.Customers.Join(attributes);
        var model = BuildPipeline().Fit(before);
        var scoredBefore = model.Score(before);
        var scoredAfter = model.Score(after);

        var plan = PortfolioAllocator.Allocate(AllocationCustomers.FromFrame(scoredAfter, AllocationColumnsFor(scoredAfter)), managers, Policy, new AllocationOptions { WorkloadByTier = WorkloadByTier });
        var kpis = ManagerKpis.Create(scoredAfter, KpiOptions);

        // Summaries keep every customer who ever bought, so "present" means active: bought within --active-days. Value
        // growth compares the spend of the growth window (the last 90 days) at each date rather than the lifetime revenue.
        var changes = ManagerChanges.Create(Active(scoredBefore), Active(scoredAfter), KpiOptions with { ValueColumn = ColumnNames.WindowSpend });
        var ranking = ManagerRanking.Rank(kpis, changes);

        Print($"PortfolioReport: {DataFiles.Display(inputs.TransactionsFile)} as of {options.AsOf:yyyy-MM-dd}, previous snapshot {options.Previous:yyyy-MM-dd}");
        PrintRead(current, previous, attributes, managers);
        PrintPlan(scoredAfter, plan);
        PrintPortfolios(plan);
        PrintKpis(kpis);
        PrintChanges(changes);
        PrintRanking(ranking);

        WritePlan(scoredAfter, plan);
        WriteMoves(plan);
        WriteKpis(kpis, changes, ranking);
        ReportSections.PrintWritten(stdout, _written);
        return ExitCodes.Ok;
    }

    private static CustomerPipeline BuildPipeline()
        => new CustomerPipelineBuilder()
            .AddAbcTiers()
            // The bundled customers.csv states potential on a 0..100 scale.
            .AddLowValueDetection(new LowValueOptions { PotentialThreshold = 70 })
            .AddPriority()
            .Build();

    private static AllocationColumns AllocationColumnsFor(CustomerFrame scored) => new()
    {
        Industry = scored.Contains("industry") ? "industry" : null,
        Region = scored.Contains("region") ? "region" : null,
    };

    private CustomerFrame Active(CustomerFrame scored)
    {
        var recency = scored.GetNumeric(ColumnNames.RecencyDays);
        var rows = new List<int>();
        for (var i = 0; i < scored.Count; i++)
        {
            if (recency[i] <= options.ActiveDays)
            {
                rows.Add(i);
            }
        }

        return scored.Select(rows);
    }

    private string ResolveManagers()
    {
        if (options.Managers is not null)
        {
            return File.Exists(options.Managers)
                ? options.Managers
                : throw new UsageException(Invariant($"The --managers file '{options.Managers}' does not exist (current directory: {Directory.GetCurrentDirectory()})."));
        }

        // The bundled managers own the bundled customers only; planning another export with them would be wrong.
        var bundled = options.Input.Input is null ? DataFiles.FindBundled(ReportOptions.BundledManagers) : null;
        return bundled ?? throw Missing("--managers", ReportOptions.BundledManagers);
    }

    private UsageException Missing(string option, string bundled) => options.Input.Input is null
        ? new UsageException(Invariant($"No {option} given and the bundled file {bundled} was not found above the current directory ({Directory.GetCurrentDirectory()}) or the program's folder; pass {option} <file>."))
        : new UsageException(Invariant($"With your own --input the report needs {option} <file> too; the bundled {bundled} describes the bundled customers only."));

    private static CustomerFrame ReadAttributes(SampleInputs inputs)
    {
        var customers = inputs.ReadAttributes()!.Customers;
        if (!customers.TryGetColumn(ColumnNames.AccountManager, out var column) || column.Kind is not (ColumnKind.Text or ColumnKind.Category))
        {
            throw new CsvImportException(Invariant($"The --customers file '{inputs.CustomersFile}' has no text column account_manager (headers such as account_manager or Account Manager); its columns are: {string.Join(", ", customers.Columns.Select(c => c.Name))}."));
        }

        return customers;
    }

    private List<AccountManager> ReadManagers(string file)
    {
        var csv = new CsvAttributeOptions
        {
            CustomerIdColumn = "manager_id",
            Delimiter = options.Input.Delimiter,
            Culture = options.Input.Culture,
            Errors = options.Input.Strict ? CsvErrorMode.Strict : CsvErrorMode.Lenient,
        };
        var import = CsvAttributes.ReadFile(file, csv);
        var frame = import.Customers;
        var maxCustomers = Numbers(frame, "max_customers", file);
        var maxWorkload = Numbers(frame, "max_workload", file);
        var seniority = Numbers(frame, "seniority", file);
        var managers = new List<AccountManager>(frame.Count);
        for (var i = 0; i < frame.Count; i++)
        {
            managers.Add(new AccountManager(
                frame.CustomerIds[i],
                Whole(maxCustomers, i, "max_customers", frame, file),
                maxWorkload is null || double.IsNaN(maxWorkload[i]) ? null : maxWorkload[i],
                List(frame, "industries", i),
                List(frame, "regions", i),
                Whole(seniority, i, "seniority", frame, file) ?? 0));
        }

        return managers;
    }

    private static NumericColumn? Numbers(CustomerFrame frame, string column, string file)
        => !frame.TryGetColumn(column, out var found)
            ? null
            : found as NumericColumn ?? throw new CsvImportException(Invariant($"The --managers file '{file}' has a column {column} with values that are not numbers; leave a value empty for no limit."));

    private static int? Whole(NumericColumn? column, int row, string name, CustomerFrame frame, string file)
    {
        if (column is null || double.IsNaN(column[row]))
        {
            return null;
        }

        var value = column[row];
        return value is >= 0 and <= int.MaxValue && Math.Floor(value) == value
            ? (int)value
            : throw new CsvImportException(Invariant($"The --managers file '{file}': manager '{frame.CustomerIds[row]}' has {name} {value}; it must be a whole number >= 0 or empty."));
    }

    private static string[] List(CustomerFrame frame, string column, int row)
        => frame.TryGetColumn(column, out var found) && found.FormatValue(row) is { Length: > 0 } text
            ? text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];

    private void PrintRead(CsvSummaryImport current, CsvSummaryImport previous, CustomerFrame attributes, List<AccountManager> managers)
    {
        Print($"");
        Print($"Read");
        Print($"  {"rows read",-24} {current.Report.RowsRead,10:N0}");
        Print($"  {"rejected",-24} {current.Report.RowsRejected,10:N0}");
        Print($"  {"customers",-24} {current.Summary.Customers.Count,10:N0}   as of {options.AsOf:yyyy-MM-dd}");
        Print($"  {"previous customers",-24} {previous.Summary.Customers.Count,10:N0}   as of {options.Previous:yyyy-MM-dd}");
        Print($"  {"attribute rows",-24} {attributes.Count,10:N0}");
        Print($"  {"managers",-24} {managers.Count,10:N0}   capacity {managers.Sum(m => m.MaxCustomers ?? 0):N0} customers");
    }

    private void PrintPlan(CustomerFrame scored, AllocationPlan plan)
    {
        var toManagers = plan.Assignments.Count(a => a.Kind == AssignmentKind.Manager);
        var channels = plan.Assignments.Where(a => a.Kind == AssignmentKind.Channel).GroupBy(a => a.Channel!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        var unplaced = plan.Unplaced.GroupBy(u => u.Reason).OrderBy(g => g.Key);
        var moves = plan.Moves.GroupBy(m => m.Reason).OrderBy(g => g.Key);
        Print($"");
        Print($"Plan (PortfolioAllocator: OR-Tools min-cost flow; tiers C, low value and valueless go to channels, potential keeps a manager)");
        Print($"  {"customers",-24} {scored.Count,10:N0}");
        Print($"  {"to managers",-24} {toManagers,10:N0}");
        Print($"  {"to channels",-24} {plan.Assignments.Count(a => a.Kind == AssignmentKind.Channel),10:N0}{Counts(channels.Select(g => Invariant($"{g.Key} {g.Count():N0}")))}");
        Print($"  {"unplaced",-24} {plan.Unplaced.Count,10:N0}{Counts(unplaced.Select(g => Invariant($"{g.Key} {g.Count():N0}")))}");
        Print($"  {"moves",-24} {plan.Moves.Count,10:N0}{Counts(moves.Select(g => Invariant($"{g.Key} {g.Count():N0}")))}");
        Print($"  {"cost",-24} {plan.Cost,10:N0}   move cost {plan.EffectiveMoveCost}");
    }

    private void PrintPortfolios(AllocationPlan plan)
    {
        Print($"");
        Print($"{"Planned portfolio",-17} {"customers",11} {"workload",13} {"revenue",12}  by tier");
        foreach (var p in plan.Portfolios)
        {
            var tiers = string.Join(" ", p.CustomersByTier.Select(t => Invariant($"{t.Key} {t.Value}")));
            Print($"{p.ManagerId,-17} {Invariant($"{p.Customers}/{p.MaxCustomers}"),11} {Invariant($"{p.Workload:0.#}/{p.MaxWorkload:0.#}"),13} {p.Value,12:N2}  {tiers}");
        }
    }

    private void PrintKpis(ManagerKpis kpis)
    {
        Print($"");
        Print($"Manager KPIs as of {options.AsOf:yyyy-MM-dd} (current managers; at risk = act now or low-touch; top 10% = share of value held by the top 10% of customers)");
        Print($"{"manager",-8} {"cust",5} {"revenue",12} {"work",6} {string.Join(" ", kpis.Tiers.Select(t => Invariant($"{Short(t),4}")))} {"act now",7} {"at risk",7} {"top 10%",7} {"compl/c",7} {"satisf",6} {"(n)",5}");
        foreach (var r in kpis.Rows)
        {
            Print($"{r.Manager,-8} {r.Customers,5:N0} {r.Value,12:N2} {r.Workload,6:0.#} {string.Join(" ", r.Tiers.Select(t => Invariant($"{t.Customers,4}")))} {r.ActNowShare,7:P1} {r.AtRiskShare,7:P1} {r.Concentration,7:P1} {r.ComplaintsPerCustomer,7:F2} {r.AverageSatisfaction,6:F2} {r.SatisfactionResponses,5}");
        }

        Print($"{"total",-8} {kpis.Rows.Sum(r => r.Customers),5:N0} {kpis.Rows.Sum(r => r.Value),12:N2}   unassigned {kpis.UnassignedCustomers:N0}");
    }

    private void PrintChanges(ManagerChanges changes)
    {
        Print($"");
        Print($"Changes {options.Previous:yyyy-MM-dd} -> {options.AsOf:yyyy-MM-dd} (customers active within {options.ActiveDays} days; spend = last 90 days; by the previous snapshot's manager)");
        Print($"{"manager",-8} {"before",6} {"kept",5} {"retention",9} {"lost",5} {"won",5} {"now",5} {"spend before",12} {"spend now",12} {"growth",8} {"up",4} {"down",4}");
        foreach (var r in changes.Rows)
        {
            Print($"{r.Manager,-8} {r.CustomersBefore,6} {r.Retained,5} {r.RetentionRate,9:P1} {r.Lost,5} {r.Won,5} {r.CustomersAfter,5} {r.RetainedValueBefore,12:N2} {r.RetainedValueAfter,12:N2} {r.RetainedValueGrowth,8:P1} {r.TierUpgrades,4} {r.TierDowngrades,4}");
        }

        Print($"{"total",-8} {changes.Rows.Sum(r => r.CustomersBefore),6} {changes.Rows.Sum(r => r.Retained),5} {"",9} {changes.Rows.Sum(r => r.Lost),5} {changes.Rows.Sum(r => r.Won),5} {changes.Rows.Sum(r => r.CustomersAfter),5}");
    }

    private void PrintRanking(IReadOnlyList<ManagerRank> ranking)
    {
        Print($"");
        Print($"Manager ranking (percentile per KPI, 1 = best; score = weighted mean: value .2, at risk .2, satisfaction .15, complaints .15, concentration .1, retention .1, growth .1)");
        Print($"{"rank",4} {"manager",-8} {"score",6} {"value",6} {"risk",6} {"satisf",6} {"compl",6} {"conc",6} {"retain",6} {"growth",6}");
        foreach (var r in ranking)
        {
            Print($"{r.Rank,4} {r.Manager,-8} {r.Score,6:F3} {r.ValueScore,6:F2} {r.AtRiskScore,6:F2} {r.SatisfactionScore,6:F2} {r.ComplaintsScore,6:F2} {r.ConcentrationScore,6:F2} {r.RetentionScore,6:F2} {r.GrowthScore,6:F2}");
        }
    }

    private void WritePlan(CustomerFrame scored, AllocationPlan plan)
    {
        var kinds = new string?[scored.Count];
        var channels = new string?[scored.Count];
        foreach (var a in plan.Assignments)
        {
            var row = scored.IndexOf(a.CustomerId);
            kinds[row] = a.Kind.ToString();
            channels[row] = a.Channel;
        }

        var frame = CustomerFrame.Create(scored.CustomerIds,
        [
            scored[ColumnNames.Tier], scored[ColumnNames.ValueStatus], scored[ColumnNames.Priority], scored[ColumnNames.Revenue], scored[ColumnNames.AccountManager],
            new CategoryColumn("assignment", kinds, Enum.GetNames<AssignmentKind>()),
            plan.ManagerColumn(scored, PlannedManager),
            new TextColumn("channel", channels),
        ]);
        var path = OutPath("plan.csv");
        CsvExport.WriteFrameToFile(frame, path);
        _written.Add((path, Invariant($"{frame.Count:N0} customers: current and planned manager or channel")));
    }

    private void WriteMoves(AllocationPlan plan)
    {
        var moves = plan.Moves;
        var frame = CustomerFrame.Create(moves.Select(m => m.CustomerId),
        [
            new TextColumn("from_manager", moves.Select(m => m.FromManagerId)),
            new TextColumn("to_manager", moves.Select(m => m.ToManagerId)),
            new TextColumn("to_channel", moves.Select(m => m.ToChannel)),
            new CategoryColumn("reason", moves.Select(m => (string?)m.Reason.ToString()), Enum.GetNames<MoveReason>()),
        ]);
        var path = OutPath("moves.csv");
        CsvExport.WriteFrameToFile(frame, path);
        _written.Add((path, Invariant($"{moves.Count:N0} moves with their reasons")));
    }

    private void WriteKpis(ManagerKpis kpis, ManagerChanges changes, IReadOnlyList<ManagerRank> ranking)
    {
        var rows = kpis.Rows;
        var change = changes.Rows.ToDictionary(r => r.Manager, StringComparer.Ordinal);
        var rank = ranking.ToDictionary(r => r.Manager, StringComparer.Ordinal);
        ManagerChangeRow? Change(ManagerKpiRow r) => change.GetValueOrDefault(r.Manager);
        NumericColumn Column(string name, Func<ManagerKpiRow, double> value) => new(name, rows.Select(value));
        var columns = new List<FrameColumn>
        {
            Column("rank", r => rank[r.Manager].Rank),
            Column("score", r => rank[r.Manager].Score),
            Column("customers", r => r.Customers),
            Column("revenue", r => r.Value),
            Column("workload", r => r.Workload),
        };
        for (var t = 0; t < kpis.Tiers.Count; t++)
        {
            var tier = t;
            columns.Add(Column("customers_" + kpis.Tiers[t], r => r.Tiers[tier].Customers));
            columns.Add(Column("revenue_" + kpis.Tiers[t], r => r.Tiers[tier].Value));
        }

        columns.AddRange(
        [
            Column("act_now_share", r => r.ActNowShare),
            Column("at_risk_share", r => r.AtRiskShare),
            Column("top10_value_share", r => r.Concentration),
            Column("complaints_per_customer", r => r.ComplaintsPerCustomer),
            Column("average_satisfaction", r => r.AverageSatisfaction),
            Column("satisfaction_responses", r => r.SatisfactionResponses),
            Column("active_before", r => Change(r)?.CustomersBefore ?? 0),
            Column("retention_rate", r => Change(r)?.RetentionRate ?? double.NaN),
            Column("won", r => Change(r)?.Won ?? 0),
            Column("lost", r => Change(r)?.Lost ?? 0),
            Column("spend_growth", r => Change(r)?.RetainedValueGrowth ?? double.NaN),
            Column("tier_upgrades", r => Change(r)?.TierUpgrades ?? 0),
            Column("tier_downgrades", r => Change(r)?.TierDowngrades ?? 0),
        ]);
        var frame = CustomerFrame.Create(rows.Select(r => r.Manager), columns);

        // CsvExport names the key column customer_id; here the key is the manager, so the header says so.
        using var buffer = new MemoryStream();
        CsvExport.WriteFrame(frame, buffer);
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var path = OutPath("kpis.csv");
        File.WriteAllText(path, "manager" + text[CsvAttributeNames.CustomerId.Length..], new UTF8Encoding(false));
        _written.Add((path, Invariant($"{rows.Count:N0} managers: KPIs, changes, rank and score")));
    }

    private static string Short(string tier) => tier.Length <= 4 ? tier : tier[..4];

    private static string Counts(IEnumerable<string> counts)
    {
        var text = string.Join(", ", counts);
        return text.Length == 0 ? string.Empty : "   " + text;
    }

    private string OutPath(string name) => Path.Combine(options.Out, name);

    private void Print(FormattableString text) => stdout.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
