using System.Globalization;
using Samples.Common;

namespace Migrations;

/// <summary>The migration report's command line, parsed and validated. Immutable.</summary>
public sealed record ReportOptions : IProgramOptions
{
    /// <summary>The default first as-of date: a year before the bundled export's last day.</summary>
    public static readonly DateOnly BundledFrom = new(2024, 12, 31);

    /// <summary>The default second as-of date: the bundled export's last day.</summary>
    public static readonly DateOnly BundledTo = new(2025, 12, 31);

    private static readonly string[] OwnNames = ["--from", "--to", "--window", "--out", "--top", "--no-chart"];

    /// <summary>Gets how the export is read.</summary>
    public InputOptions Input { get; init; } = new();

    /// <summary>Gets the first as-of date, where the model is fitted.</summary>
    public DateOnly From { get; init; } = BundledFrom;

    /// <summary>Gets the second as-of date.</summary>
    public DateOnly To { get; init; } = BundledTo;

    /// <summary>Gets the window in days: who is an active customer at each date, and the revenue the tiers rank.</summary>
    public int Window { get; init; } = 365;

    /// <summary>Gets the output folder.</summary>
    public string Out { get; init; } = "out";

    /// <summary>Gets how many movers up and down the report lists.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Gets whether to skip the PNG chart.</summary>
    public bool NoChart { get; init; }

    /// <summary>Gets whether only the help was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>The text of --help: every option with its default.</summary>
    public static string HelpText { get; } = """
        MigrationReport: how customers moved between value tiers and RFM segments from one as-of date to the next.
        The model (RFM cut points, segment map, ABC tier thresholds) is fitted at --from and frozen, and both
        snapshots are scored with it, so a move means the customer changed, not the thresholds. Prints the tier and
        segment transition matrices, the value moving between tiers, the top movers up and down with their old and
        new values, and the new and lost customers; writes migration.csv and tier-migration.png.

        A snapshot holds the customers with an order in the --window days up to its date; tiers are ABC tiers of the
        net revenue in that window (A: the top customers with 80% of it, B: the next 15%, C: the rest, No revenue:
        zero or negative). New customers are active at --to but not at --from (first orders or reactivated); lost
        customers were active at --from but not at --to.

        Usage: dotnet run --project samples/MigrationReport -- [options]

        Options (each also as --name=value):
          --from <date>        The first as-of date (yyyy-MM-dd), where the model is fitted.
                               Default: 2024-12-31 (a year before the bundled export's last day).
          --to <date>          The second as-of date, after --from. Default: 2025-12-31 (the bundled export's
                               last day).
          --window <days>      Days up to each date that make a customer active and whose revenue the tiers
                               rank, 1..3660. Default: 365.
          --out <folder>       Output folder, created if missing. Default: out (under the current directory).
          --top <n>            Movers up and down listed, 0..1000. Default: 10.
          --no-chart           Do not write tier-migration.png. Default: the chart is written.

        """ + InputOptions.Help(customersHelp: null) + """
          --help               Show this text and exit.

        Writes to --out: migration.csv (one row per customer active at either date: change, tier and segment
        before and after, tier steps, window revenue before and after) and tier-migration.png (the tier
        transition matrix as a heatmap, with new and lost customers).

        Exit codes: 0 done, 1 bad data (strict mode, or a file the report cannot use), 2 bad usage.
        """;

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="UsageException">An option is unknown, repeated, lacks its value or has a bad value, or --to is not after --from.</exception>
    public static ReportOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, [.. OwnNames, .. InputOptions.Names(customers: false), "--help"]);
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
                "--from" => options with { From = reader.Date(BundledFrom) },
                "--to" => options with { To = reader.Date(BundledTo) },
                "--window" => options with { Window = reader.WholeNumber(1, 3660) },
                "--out" => options with { Out = reader.Text("out") },
                "--top" => options with { Top = reader.WholeNumber(0, 1000) },
                "--no-chart" => options with { NoChart = reader.Flag() },
                _ => throw new InvalidOperationException("The option " + reader.Name + " is known but not handled."),
            };
        }

        return options.Help || options.To > options.From
            ? options
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"The option --to ({options.To:yyyy-MM-dd}) must be after --from ({options.From:yyyy-MM-dd})."));
    }
}
