using CustomerValue;
using Samples.Common;

namespace ValueJob;

/// <summary>The job's command line, parsed and validated. Immutable.</summary>
public sealed record JobOptions : IProgramOptions
{
    /// <summary>The as-of date of the bundled export.</summary>
    public static readonly DateOnly BundledAsOf = new(2025, 12, 31);

    private const string CutsExample = "10,20,30,40";

    // In the order of --help, which is the order the error for an unknown option lists them in.
    private static readonly string[] Names =
    [
        "--input", "--id-column", "--date-column", "--amount-column", "--customers", "--as-of", "--out", "--bins", "--method", "--r-cuts", "--f-cuts", "--m-cuts",
        "--returns", "--culture", "--delimiter", "--strict", "--no-charts", "--help",
    ];

    private static readonly (string, BinningMethod)[] Methods =
        [("balanced", BinningMethod.BalancedQuantiles), ("fixed", BinningMethod.FixedCutPoints), ("ntile", BinningMethod.Ntile), ("r", BinningMethod.RCompatible)];

    /// <summary>Gets how the exports are read.</summary>
    public InputOptions Input { get; init; } = new();

    /// <summary>Gets the as-of date.</summary>
    public DateOnly AsOf { get; init; } = BundledAsOf;

    /// <summary>Gets the output folder.</summary>
    public string Out { get; init; } = "out";

    /// <summary>Gets the number of RFM scores.</summary>
    public int Bins { get; init; } = 5;

    /// <summary>Gets the binning method.</summary>
    public BinningMethod Method { get; init; } = BinningMethod.BalancedQuantiles;

    /// <summary>Gets the recency, frequency and monetary cut points for <see cref="BinningMethod.FixedCutPoints"/>.</summary>
    public IReadOnlyList<double>? RecencyCuts { get; init; }

    /// <summary>Gets the frequency cut points.</summary>
    public IReadOnlyList<double>? FrequencyCuts { get; init; }

    /// <summary>Gets the monetary cut points.</summary>
    public IReadOnlyList<double>? MonetaryCuts { get; init; }

    /// <summary>Gets whether to skip the PNG charts.</summary>
    public bool NoCharts { get; init; }

    /// <summary>Gets whether only the help was asked for.</summary>
    public bool Help { get; init; }

    /// <summary>The text of --help: every option with its default.</summary>
    public static string HelpText { get; } = """
        ValueJob: reads a transaction export, scores every customer (RFM scores and segments) and writes the
        scored customers, the rejected rows, the fitted model and charts.

        Usage: dotnet run --project samples/ValueJob -- [options]

        Options (each also as --name=value):
          --input <file>       Transaction export: one row per order with customer id, date and amount
                               (headers such as customer_id/CustomerID/client, order_date/InvoiceDate/date,
                               amount/revenue/total). Default: samples/data/transactions.csv, looked up from
                               the current directory and the program's folder upwards.
          --id-column <name>   Header of the customer id column, when it is none of the usual names.
                               Default: found by name.
          --date-column <name> Header of the order date column. Default: found by name.
          --amount-column <name>
                               Header of the amount column. Default: found by name.
          --customers <file>   Customer-attribute export joined to the scores by customer id (account
                               manager, region, interactions, ...). Default: samples/data/customers.csv when
                               the input is the bundled export too; none for another input.
          --as-of <date>       The as-of date (yyyy-MM-dd): recency is counted to it and later orders are
                               excluded. Default: 2025-12-31 (the bundled export's last day).
          --out <folder>       Output folder, created if missing. Default: out (under the current directory).
          --bins <k>           Number of scores per dimension, 2..9. Default: 5.
          --method <name>      How scores are binned: balanced (tie-aware balanced quantiles), fixed (your cut
                               points, see --r-cuts), ntile (equal counts, ties split by customer id), r
                               (R rfm 0.3.0 compatible). Default: balanced.
          --r-cuts <list>      With --method fixed: recency cut points in days, k-1 increasing numbers
                               separated by commas, e.g. 30,90,180,365 for k = 5. Required by fixed.
          --f-cuts <list>      With --method fixed: frequency (order count) cut points. Required by fixed.
          --m-cuts <list>      With --method fixed: monetary (total spend) cut points. Required by fixed.
          --returns <name>     Negative amounts (returns): net (subtract from the customer's spend),
                               ignore (leave out, reported), reject (report as an issue). Default: net.
          --culture <name>     Culture of the numbers in the input files, e.g. de-DE for 4,50. Output is
                               always invariant (4.50). Default: invariant.
          --delimiter <char>   Field delimiter of the input files: one character, or tab. Default: ,
          --strict             Stop at the first bad row (exit code 1) instead of writing it to rejects.csv
                               and going on. Default: off (lenient).
          --no-charts          Do not write the PNG charts. Default: charts are written.
          --help               Show this text and exit.

        Writes to --out: scored.csv (one row per customer with every score), rejects.csv (rows the CSV
        reader or the summaries left out, with line numbers and reasons), model.json (the fitted cut
        points, to score next month's customers the same way), segments.png, rf-heatmap.png, pareto.png,
        and when the CLV models fit, expected-purchases.png, p-alive.png and holdout.png. For the holdout
        check, the job refits BG/NBD on all but the last third of the history and compares its forecast of
        that last third with the actual purchases (printed per calibration frequency, charted in holdout.png).

        Exit codes: 0 done, 1 bad data (strict mode, or a file the job cannot use), 2 bad usage.
        """;

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="UsageException">An option is unknown, repeated, lacks its value or has a bad value.</exception>
    public static JobOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new OptionReader(args, Names);
        var options = new JobOptions();
        while (reader.MoveNext())
        {
            if (options.Input.Read(reader) is { } input)
            {
                options = options with { Input = input };
                continue;
            }

            options = reader.Name switch
            {
                // As before the shared reader: --help shows the help whatever follows it.
                "--help" => options with { Help = true },
                "--no-charts" => options with { NoCharts = reader.Flag() },
                "--out" => options with { Out = reader.Text("out") },
                "--as-of" => options with { AsOf = reader.Date(BundledAsOf) },
                "--bins" => options with { Bins = reader.WholeNumber(2, 9) },
                "--method" => options with { Method = reader.Choice<BinningMethod>(Methods) },
                "--r-cuts" => options with { RecencyCuts = reader.Numbers(CutsExample) },
                "--f-cuts" => options with { FrequencyCuts = reader.Numbers(CutsExample) },
                "--m-cuts" => options with { MonetaryCuts = reader.Numbers(CutsExample) },
                _ => throw new InvalidOperationException("The option " + reader.Name + " is known but not handled."),
            };
        }

        var hasCuts = options.RecencyCuts is not null || options.FrequencyCuts is not null || options.MonetaryCuts is not null;
        if (options.Method == BinningMethod.FixedCutPoints && (options.RecencyCuts is null || options.FrequencyCuts is null || options.MonetaryCuts is null))
        {
            throw new UsageException("--method fixed needs --r-cuts, --f-cuts and --m-cuts, each with --bins - 1 increasing numbers, e.g. --r-cuts 30,90,180,365.");
        }

        if (hasCuts && options.Method != BinningMethod.FixedCutPoints)
        {
            throw new UsageException("--r-cuts, --f-cuts and --m-cuts are only used with --method fixed; add --method fixed or remove them.");
        }

        return options;
    }
}
