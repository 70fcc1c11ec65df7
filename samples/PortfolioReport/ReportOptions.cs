using System.Globalization;
using CustomerValue;
using Samples.Common;

namespace PortfolioReport;

/// <summary>The report's command line, parsed and validated. Immutable.</summary>
public sealed record ReportOptions : IProgramOptions
{
    /// <summary>The bundled managers (capacities, skills, seniority), relative to the repository root.</summary>
    public const string BundledManagers = "samples/data/managers.csv";

    /// <summary>The as-of date of the bundled export.</summary>
    public static readonly DateOnly BundledAsOf = new(2025, 12, 31);

    private static readonly string[] OwnNames = ["--managers", "--as-of", "--previous-as-of", "--active-days", "--out"];

    /// <summary>
    /// Gets how the exports are read. Returns are rejected by default, unlike the other samples: the report has always
    /// left them out of revenue, and netting them would change every tier, plan and KPI it prints.
    /// </summary>
    public InputOptions Input { get; init; } = new() { Returns = NegativeAmountHandling.Reject };

    /// <summary>Gets the managers file; null means the bundled one when the input is bundled too.</summary>
    public string? Managers { get; init; }

    /// <summary>Gets the as-of date of the current snapshot.</summary>
    public DateOnly AsOf { get; init; } = BundledAsOf;

    /// <summary>Gets the as-of date of the previous snapshot; null means three months before <see cref="AsOf"/>.</summary>
    public DateOnly? PreviousAsOf { get; init; }

    /// <summary>Gets the number of days since the last purchase up to which a customer counts as active (retention).</summary>
    public int ActiveDays { get; init; } = 365;

    /// <summary>Gets the output folder.</summary>
    public string Out { get; init; } = "out";

    /// <summary>Gets whether only the help was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>Gets the previous as-of date, defaulted.</summary>
    public DateOnly Previous => PreviousAsOf ?? AsOf.AddMonths(-3);

    /// <summary>The text of --help: every option with its default.</summary>
    public static string HelpText { get; } = """
        PortfolioReport: scores a transaction export at two dates with one fitted model, allocates the customers to
        account managers and service channels (OR-Tools min-cost flow), and reports each manager's KPIs and a ranking.

        Usage: dotnet run --project samples/PortfolioReport -- [options]

        Options (each also as --name=value):
          --managers <file>    Managers: manager_id, max_customers, max_workload (either may be empty for no
                               limit), industries and regions (separated by ;), seniority (a whole number, higher =
                               more senior). Default: samples/data/managers.csv when the input is the bundled
                               export; required with another input.
          --as-of <date>       The current snapshot's date (yyyy-MM-dd). Default: 2025-12-31.
          --previous-as-of <date>
                               The previous snapshot's date, before --as-of. Default: three months before --as-of.
          --active-days <n>    A customer counts as present in a snapshot (retention, won, lost) when the last
                               purchase is at most this many days before its date, 1..3650. Default: 365.
          --out <folder>       Output folder, created if missing. Default: out (under the current directory).

        """
        + InputOptions.Help("""
              --customers <file>   Customer attributes joined by customer id; needs an account_manager column, and
                                   industry, region, complaints, satisfaction and potential are used when present.
                                   Default: samples/data/customers.csv when the input is the bundled export; required
                                   with another input.

            """, returnsDefault: NegativeAmountHandling.Reject)
        + """
          --help               Show this text and exit.

        Writes to --out: plan.csv (every customer's tier, status, priority, current and planned manager or channel),
        moves.csv (every change with its reason), kpis.csv (one row per manager: KPIs, changes, rank and score).

        Exit codes: 0 done, 1 bad data (strict mode, or a file the report cannot use), 2 bad usage.
        """;

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="UsageException">An option is unknown, repeated, lacks its value or has a bad value, or --previous-as-of is not before --as-of.</exception>
    public static ReportOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, [.. OwnNames, .. InputOptions.Names(customers: true), "--help"]);
        var options = new ReportOptions();
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
                "--managers" => options with { Managers = reader.Text("<file>") },
                "--as-of" => options with { AsOf = reader.Date(BundledAsOf) },
                "--previous-as-of" => options with { PreviousAsOf = reader.Date(BundledAsOf.AddMonths(-3)) },
                "--active-days" => options with { ActiveDays = reader.WholeNumber(1, 3650) },
                "--out" => options with { Out = reader.Text("out") },
                _ => throw new InvalidOperationException("The option " + reader.Name + " is known but not handled."),
            };
        }

        return options.Help || options.Previous < options.AsOf
            ? options
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"The option --previous-as-of must be before --as-of ({options.AsOf:yyyy-MM-dd}); it was {options.Previous:yyyy-MM-dd}."));
    }
}
