using CustomerValue;
using Samples.Common;

namespace LowValueReview;

/// <summary>The review's command line, parsed and validated. Immutable.</summary>
public sealed record ReviewOptions : IProgramOptions
{
    /// <summary>The as-of date of the bundled export (its last day).</summary>
    public static readonly DateOnly BundledAsOf = new(2025, 12, 31);

    private static readonly (string, CriteriaCombination)[] Combinations =
        [("at-least", CriteriaCombination.AtLeast), ("any", CriteriaCombination.Any), ("all", CriteriaCombination.All)];

    private static readonly string[] OwnNames =
    [
        "--as-of", "--out", "--bottom-share", "--max-orders", "--inactive-days", "--max-interactions", "--min-complaints",
        "--max-satisfaction", "--combine", "--min-criteria", "--new-days", "--growth-window", "--potential-threshold", "--show", "--help",
    ];

    /// <summary>Gets how the exports are read.</summary>
    public InputOptions Input { get; init; } = new();

    /// <summary>Gets the as-of date.</summary>
    public DateOnly AsOf { get; init; } = BundledAsOf;

    /// <summary>Gets the output folder.</summary>
    public string Out { get; init; } = "out";

    /// <summary>Gets the low-value options as given; the attribute criteria are dropped later when the data lack their column.</summary>
    public LowValueOptions LowValue { get; init; } = new()
    {
        MaxInteractions = 2,
        MinComplaints = 3,
        MaxSatisfaction = 3,
        // The bundled customers.csv states potential on a 0..100 scale.
        PotentialThreshold = 70,
    };

    /// <summary>Gets the length in days of the two growth windows compared for "growing spend".</summary>
    public int GrowthWindow { get; init; } = 90;

    /// <summary>Gets how many customers the report lists per status.</summary>
    public int Show { get; init; } = 10;

    /// <summary>Gets whether only the help was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>The text of --help: every option with its default.</summary>
    public static string HelpText { get; } = """
        LowValueReview: finds the customers who are low value or valueless, says why (the criteria that fired), and
        who was saved by potential (new, growing, or a stated potential score); prints counts and revenue share per
        status with the recommended service, and writes low-value.csv.

        Usage: dotnet run --project samples/LowValueReview -- [options]

        Options (each also as --name=value):
          --as-of <date>       The as-of date (yyyy-MM-dd): recency and tenure are counted to it and later
                               orders are left out. Default: 2025-12-31 (the bundled export's last day).
          --out <folder>       Output folder, created if missing. Default: out (under the current directory).

        Low-value criteria (a customer is low value when the criteria combine, see --combine; 'off' turns one off):
          --bottom-share <x>   Revenue among the bottom customers who together hold this share of all revenue
                               (0 < x < 1). Default: 0.05.
          --max-orders <n>     At most n orders. Default: 1.
          --inactive-days <n>  No purchase for at least n days. Default: 365.
          --max-interactions <n>
                               At most n interactions (needs an interactions column). Default: 2.
          --min-complaints <n> At least n complaints, n >= 1 (needs a complaints column). Default: 3.
          --max-satisfaction <x>
                               Satisfaction at most x (needs a satisfaction column). Default: 3.
                               A criterion whose column the data lack is off, and the report says so.
          --combine <name>     How criteria combine: at-least (at least --min-criteria of them), any, all.
                               Default: at-least.
          --min-criteria <n>   With --combine at-least: how many criteria must fire. Default: 2.

        Potential (saves a low-value customer; the report names the evidence):
          --new-days <n>       New: the first order is fewer than n days before the as-of date; also the status
                               of new customers who are not low value. 0 = nobody is new. Default: 90.
          --growth-window <n>  Growing: revenue in the last n days is above revenue in the n days before.
                               Default: 90.
          --potential-threshold <x>
                               Stated potential: the potential column is above x. Default: 70 (the bundled
                               customers.csv rates potential 0..100).

        Report and input:
          --show <n>           Customers listed per status (lowest revenue first), 0..1000. Default: 10.

        """ + InputOptions.Help("""
          --customers <file>   Customer-attribute export joined by customer id: interactions, complaints,
                               satisfaction and potential feed the criteria above. Default:
                               samples/data/customers.csv when the input is the bundled export too; none
                               for another input.

        """) + """
          --help               Show this text and exit.

        Writes to --out: low-value.csv, one row per low-value, valueless or potential customer: status, reasons
        (the criteria, or the potential evidence), the criteria that fired, revenue and the columns behind them.

        Exit codes: 0 done, 1 bad data (strict mode, or a file the review cannot use), 2 bad usage.
        """;

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="UsageException">An option is unknown, repeated, lacks its value or has a bad value.</exception>
    public static ReviewOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, [.. OwnNames.SkipLast(1), .. InputOptions.Names(customers: true), "--help"]);
        var options = new ReviewOptions();
        while (reader.MoveNext())
        {
            if (options.Input.Read(reader) is { } input)
            {
                options = options with { Input = input };
                continue;
            }

            var low = options.LowValue;
            options = reader.Name switch
            {
                "--help" => options with { Help = reader.Flag() },
                "--as-of" => options with { AsOf = reader.Date(BundledAsOf) },
                "--out" => options with { Out = reader.Text("out") },
                "--bottom-share" => options with { LowValue = low with { BottomValueShare = reader.Number("strictly between 0 and 1", x => x is > 0 and < 1, allowOff: true) } },
                "--max-orders" => options with { LowValue = low with { MaxOrders = reader.WholeNumberOrOff(0, int.MaxValue) } },
                "--inactive-days" => options with { LowValue = low with { InactiveDays = reader.WholeNumberOrOff(0, int.MaxValue) } },
                "--max-interactions" => options with { LowValue = low with { MaxInteractions = reader.WholeNumberOrOff(0, int.MaxValue) } },
                "--min-complaints" => options with { LowValue = low with { MinComplaints = reader.WholeNumberOrOff(1, int.MaxValue) } },
                "--max-satisfaction" => options with { LowValue = low with { MaxSatisfaction = reader.Number("(any finite value)", _ => true, allowOff: true) } },
                "--combine" => options with { LowValue = low with { Combination = reader.Choice<CriteriaCombination>(Combinations) } },
                "--min-criteria" => options with { LowValue = low with { MinimumCriteria = reader.WholeNumber(1, 6) } },
                "--new-days" => options with { LowValue = low with { NewCustomerDays = reader.WholeNumber(0, 36_600) } },
                "--growth-window" => options with { GrowthWindow = reader.WholeNumber(1, 3660) },
                "--potential-threshold" => options with { LowValue = low with { PotentialThreshold = reader.Number("(any finite value)", _ => true, allowOff: true) } },
                "--show" => options with { Show = reader.WholeNumber(0, 1000) },
                _ => throw new InvalidOperationException("The option " + reader.Name + " is known but not handled."),
            };
        }

        return options;
    }
}
