using CustomerValue;
using Samples.Common;

namespace Worklists;

/// <summary>The worklists' command line, parsed and validated. Immutable.</summary>
public sealed record WorklistOptions : IProgramOptions
{
    /// <summary>The as-of date of the bundled export (its last day).</summary>
    public static readonly DateOnly BundledAsOf = new(2025, 12, 31);

    private static readonly string[] OwnNames = ["--as-of", "--out", "--top", "--manager", "--print", "--manager-column"];

    /// <summary>Gets how the exports are read.</summary>
    public InputOptions Input { get; init; } = new();

    /// <summary>Gets the as-of date.</summary>
    public DateOnly AsOf { get; init; } = BundledAsOf;

    /// <summary>Gets the output folder.</summary>
    public string Out { get; init; } = "out";

    /// <summary>Gets the most customers per worklist.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Gets the managers to print and write; empty means every manager is written and the first <see cref="PrintCount"/> printed.</summary>
    public IReadOnlyList<string> Managers { get; init; } = [];

    /// <summary>Gets how many worklists are printed without <c>--manager</c>.</summary>
    public int PrintCount { get; init; } = 3;

    /// <summary>Gets the attribute column naming each customer's account manager.</summary>
    public string ManagerColumn { get; init; } = ColumnNames.AccountManager;

    /// <summary>Gets whether only the help was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>The text of --help: every option with its default.</summary>
    public static string HelpText { get; } = """
        Worklists: joins the customer-attribute export (with each customer's account manager) to the transaction
        export, ranks every customer by priority (importance = revenue percentile, urgency = overdue against the
        customer's own purchase rhythm, complaints, low satisfaction, falling P(alive)), and gives each manager a
        worklist of their top customers with the top reasons; prints a table per manager and a few worklists, and
        writes worklists.csv.

        Usage: dotnet run --project samples/Worklists -- [options]

        Options (each also as --name=value):
          --as-of <date>       The as-of date (yyyy-MM-dd): recency is counted to it and later orders are left
                               out. Default: 2025-12-31 (the bundled export's last day).
          --out <folder>       Output folder, created if missing. Default: out (under the current directory).
          --top <n>            Customers per worklist, 1..10000. Default: 10.
          --manager <ids>      Only these managers (comma-separated, e.g. AM-07 or AM-07,AM-12): their worklists
                               are printed and written. Default: every manager is written, the first few printed.
          --print <n>          Without --manager: how many worklists are printed (managers in name order),
                               0..10000. Default: 3.
          --manager-column <name>
                               The attribute column naming the account manager. Default: account_manager.

        """ + InputOptions.Help("""
          --customers <file>   Customer-attribute export joined by customer id: the manager column, and
                               complaints and satisfaction for urgency when present. Required with another
                               --input. Default: samples/data/customers.csv when the input is the bundled
                               export too.

        """) + """
          --help               Show this text and exit.

        Writes to --out: worklists.csv, one row per listed customer: manager, rank in the worklist, overall rank,
        priority, importance, urgency, quadrant, every reason (largest contribution first), revenue, tier, segment.

        Exit codes: 0 done, 1 bad data (strict mode, a missing column, or a file the program cannot use),
        2 bad usage.
        """;

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="UsageException">An option is unknown, repeated, lacks its value or has a bad value.</exception>
    public static WorklistOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, [.. OwnNames, .. InputOptions.Names(customers: true), "--help"]);
        var options = new WorklistOptions();
        while (reader.MoveNext())
        {
            if (options.Input.Read(reader) is { } input)
            {
                options = options with { Input = input };
                continue;
            }

            options = reader.Name switch
            {
                "--help" => options with { Help = reader.Flag() },
                "--as-of" => options with { AsOf = reader.Date(BundledAsOf) },
                "--out" => options with { Out = reader.Text("out") },
                "--top" => options with { Top = reader.WholeNumber(1, 10_000) },
                "--manager" => options with { Managers = ParseManagers(reader.Text("AM-07")) },
                "--print" => options with { PrintCount = reader.WholeNumber(0, 10_000) },
                "--manager-column" => options with { ManagerColumn = reader.Text("account_manager") },
                _ => throw new InvalidOperationException("The option " + reader.Name + " is known but not handled."),
            };
        }

        return options;
    }

    private static string[] ParseManagers(string value)
    {
        var managers = value.Split(',', StringSplitOptions.TrimEntries);
        return managers.Any(string.IsNullOrEmpty)
            ? throw new UsageException($"The option --manager must be manager ids separated by commas, such as AM-07,AM-12; '{value}' has an empty one.")
            : managers;
    }
}
