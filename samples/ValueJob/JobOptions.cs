using System.Globalization;
using CustomerValue;

namespace ValueJob;

/// <summary>The job's command line, parsed and validated. Immutable.</summary>
public sealed record JobOptions
{
    /// <summary>The bundled transaction export, relative to the repository root.</summary>
    public const string BundledTransactions = "samples/data/transactions.csv";

    /// <summary>The bundled customer-attribute export, relative to the repository root.</summary>
    public const string BundledCustomers = "samples/data/customers.csv";

    /// <summary>The as-of date of the bundled export.</summary>
    public static readonly DateOnly BundledAsOf = new(2025, 12, 31);

    /// <summary>Gets the transaction export; null means the bundled one.</summary>
    public string? Input { get; init; }

    /// <summary>Gets the attribute export; null means the bundled one when the input is bundled too, none otherwise.</summary>
    public string? Customers { get; init; }

    /// <summary>Gets the header of the customer id column of the transaction export; null means the usual names.</summary>
    public string? IdColumn { get; init; }

    /// <summary>Gets the header of the date column; null means the usual names.</summary>
    public string? DateColumn { get; init; }

    /// <summary>Gets the header of the amount column; null means the usual names.</summary>
    public string? AmountColumn { get; init; }

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

    /// <summary>Gets what to do with negative amounts.</summary>
    public NegativeAmountHandling Returns { get; init; } = NegativeAmountHandling.NetAsReturn;

    /// <summary>Gets the culture of numbers in the input files.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Gets the field delimiter of the input files.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets whether the first bad row stops the job.</summary>
    public bool Strict { get; init; }

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

    private static readonly string[] Methods = ["balanced", "fixed", "ntile", "r"];
    private static readonly string[] ReturnModes = ["net", "ignore", "reject"];

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options.</returns>
    /// <exception cref="UsageException">An option is unknown, repeated, lacks its value or has a bad value.</exception>
    public static JobOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new JobOptions();
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
                "--no-charts" => options with { NoCharts = Flag(name, inline) },
                "--input" => options with { Input = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--id-column" => options with { IdColumn = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--date-column" => options with { DateColumn = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--amount-column" => options with { AmountColumn = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--customers" => options with { Customers = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--out" => options with { Out = NonEmpty(name, Value(args, ref i, name, inline)) },
                "--as-of" => options with { AsOf = ParseDate(name, Value(args, ref i, name, inline)) },
                "--bins" => options with { Bins = ParseBins(name, Value(args, ref i, name, inline)) },
                "--method" => options with { Method = ParseMethod(name, Value(args, ref i, name, inline)) },
                "--r-cuts" => options with { RecencyCuts = ParseCuts(name, Value(args, ref i, name, inline)) },
                "--f-cuts" => options with { FrequencyCuts = ParseCuts(name, Value(args, ref i, name, inline)) },
                "--m-cuts" => options with { MonetaryCuts = ParseCuts(name, Value(args, ref i, name, inline)) },
                "--returns" => options with { Returns = ParseReturns(name, Value(args, ref i, name, inline)) },
                "--culture" => options with { Culture = ParseCulture(name, Value(args, ref i, name, inline)) },
                "--delimiter" => options with { Delimiter = ParseDelimiter(name, Value(args, ref i, name, inline)) },
                _ => throw new UsageException($"Unknown option '{name}'. The options are --input, --id-column, --date-column, --amount-column, --customers, --as-of, --out, --bins, --method, --r-cuts, --f-cuts, --m-cuts, --returns, --culture, --delimiter, --strict, --no-charts, --help."),
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
        "--bins" => "5",
        "--method" => "balanced",
        "--returns" => "net",
        "--culture" => "de-DE",
        "--delimiter" => ";",
        "--out" => "out",
        "--r-cuts" or "--f-cuts" or "--m-cuts" => "10,20,30,40",
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
            : throw new UsageException($"The option {name} must be a date as yyyy-MM-dd, such as 2025-12-31; it was '{value}'.");

    private static int ParseBins(string name, string value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bins) && bins is >= 2 and <= 9
            ? bins
            : throw new UsageException($"The option {name} must be a whole number from 2 to 9; it was '{value}'.");

    private static BinningMethod ParseMethod(string name, string value) => value.ToUpperInvariant() switch
    {
        "BALANCED" => BinningMethod.BalancedQuantiles,
        "FIXED" => BinningMethod.FixedCutPoints,
        "NTILE" => BinningMethod.Ntile,
        "R" => BinningMethod.RCompatible,
        _ => throw new UsageException($"The option {name} must be one of {string.Join(", ", Methods)}; it was '{value}'."),
    };

    private static NegativeAmountHandling ParseReturns(string name, string value) => value.ToUpperInvariant() switch
    {
        "NET" => NegativeAmountHandling.NetAsReturn,
        "IGNORE" => NegativeAmountHandling.Ignore,
        "REJECT" => NegativeAmountHandling.Reject,
        _ => throw new UsageException($"The option {name} must be one of {string.Join(", ", ReturnModes)}; it was '{value}'."),
    };

    private static double[] ParseCuts(string name, string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        var cuts = new double[parts.Length];
        for (var p = 0; p < parts.Length; p++)
        {
            if (!double.TryParse(parts[p], NumberStyles.Float, CultureInfo.InvariantCulture, out cuts[p]) || !double.IsFinite(cuts[p]))
            {
                throw new UsageException($"The option {name} must be numbers separated by commas (with . as the decimal point), such as 10,20,30,40; '{parts[p]}' is not a number.");
            }
        }

        return cuts;
    }

    private static CultureInfo ParseCulture(string name, string value)
    {
        if (value.Equals("invariant", StringComparison.OrdinalIgnoreCase))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(value, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw new UsageException($"The option {name} must be a culture name such as en-US, de-DE or invariant; '{value}' is not a known culture.");
        }
    }

    private static char ParseDelimiter(string name, string value)
    {
        var delimiter = value switch
        {
            "tab" or "\\t" => '\t',
            _ when value.Length == 1 => value[0],
            _ => '\0',
        };
        return delimiter is '\0' or '"' or '\r' or '\n' || delimiter > 127
            ? throw new UsageException($"The option {name} must be one ASCII character other than the quote (such as , ; or |) or the word tab; it was '{value}'.")
            : delimiter;
    }
}
