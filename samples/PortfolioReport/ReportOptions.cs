using System.Globalization;

namespace PortfolioReport;

/// <summary>The report's command line, parsed and validated. Immutable.</summary>
public sealed record ReportOptions
{
    /// <summary>The bundled transaction export, relative to the repository root.</summary>
    public const string BundledTransactions = "samples/data/transactions.csv";

    /// <summary>The bundled customer-attribute export (with the account manager), relative to the repository root.</summary>
    public const string BundledCustomers = "samples/data/customers.csv";

    /// <summary>The bundled managers (capacities, skills, seniority), relative to the repository root.</summary>
    public const string BundledManagers = "samples/data/managers.csv";

    /// <summary>The as-of date of the bundled export.</summary>
    public static readonly DateOnly BundledAsOf = new(2025, 12, 31);

    /// <summary>Gets the transaction export; null means the bundled one.</summary>
    public string? Input { get; init; }

    /// <summary>Gets the attribute export; null means the bundled one when the input is bundled too.</summary>
    public string? Customers { get; init; }

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

    /// <summary>Gets whether the first bad row stops the report.</summary>
    public bool Strict { get; init; }

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
          --input <file>       Transaction export: one row per order with customer id, date and amount.
                               Default: samples/data/transactions.csv, looked up from the current directory and
                               the program's folder upwards.
          --customers <file>   Customer attributes joined by customer id; needs an account_manager column, and
                               industry, region, complaints, satisfaction and potential are used when present.
                               Default: samples/data/customers.csv when the input is the bundled export; required
                               with another input.
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
          --strict             Stop at the first bad row (exit code 1) instead of skipping it. Default: off.
          --help               Show this text and exit.

        Writes to --out: plan.csv (every customer's tier, status, priority, current and planned manager or channel),
        moves.csv (every change with its reason), kpis.csv (one row per manager: KPIs, changes, rank and score).

        Exit codes: 0 done, 1 bad data (strict mode, or a file the report cannot use), 2 bad usage.
        """;

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="UsageException">An option is unknown, repeated, lacks its value or has a bad value.</exception>
    public static ReportOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ReportOptions();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"Unexpected argument '{arg}': every option starts with --, such as --input <file>.");
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            string? inline = equals < 0 ? null : arg[(equals + 1)..];
            if (!seen.Add(name))
            {
                throw new UsageException($"The option {name} is given twice; give it once.");
            }

            options = name switch
            {
                "--help" => options with { Help = true },
                "--strict" => options with { Strict = Flag(name, inline) },
                "--input" => options with { Input = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--customers" => options with { Customers = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--managers" => options with { Managers = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--out" => options with { Out = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--as-of" => options with { AsOf = ParseDate(name, Value(args, ref i, name, inline)) },
                "--previous-as-of" => options with { PreviousAsOf = ParseDate(name, Value(args, ref i, name, inline)) },
                "--active-days" => options with { ActiveDays = ParseDays(name, Value(args, ref i, name, inline)) },
                _ => throw new UsageException($"Unknown option '{name}'. The options are --input, --customers, --managers, --as-of, --previous-as-of, --active-days, --out, --strict, --help."),
            };
        }

        if (options.Previous >= options.AsOf)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"The option --previous-as-of must be before --as-of ({options.AsOf:yyyy-MM-dd}); it was {options.Previous:yyyy-MM-dd}."));
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name, string? inline)
    {
        if (inline is not null)
        {
            return inline;
        }

        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"The option {name} needs a value, such as {name} {Example(name)}.");
        }

        i++;
        return args[i];
    }

    private static string Example(string name) => name switch
    {
        "--as-of" => "2025-12-31",
        "--previous-as-of" => "2025-09-30",
        "--active-days" => "365",
        "--out" => "out",
        _ => "<file>",
    };

    private static bool Flag(string name, string? inline) => inline is null
        ? true
        : throw new UsageException($"The option {name} is a switch and takes no value; it was given '{inline}'.");

    private static string NonEmpty(string name, string value) => string.IsNullOrWhiteSpace(value)
        ? throw new UsageException($"The option {name} needs a non-empty value.")
        : value;

    private static DateOnly ParseDate(string name, string value)
        => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"The option {name} must be a date as yyyy-MM-dd, such as {Example(name)}; it was '{value}'.");

    private static int ParseDays(string name, string value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3650
            ? days
            : throw new UsageException($"The option {name} must be a whole number from 1 to 3650; it was '{value}'.");
}
