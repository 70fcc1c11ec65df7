using System.Globalization;
using CustomerValue;

namespace Samples.Common;

/// <summary>The options every sample program reads its exports with. Immutable.</summary>
public sealed record InputOptions
{
    /// <summary>The bundled transaction export, relative to the repository root.</summary>
    public const string BundledTransactions = "samples/data/transactions.csv";

    /// <summary>The bundled customer-attribute export, relative to the repository root.</summary>
    public const string BundledCustomers = "samples/data/customers.csv";

    private static readonly (string, NegativeAmountHandling)[] ReturnModes =
        [("net", NegativeAmountHandling.NetAsReturn), ("ignore", NegativeAmountHandling.Ignore), ("reject", NegativeAmountHandling.Reject)];

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

    /// <summary>Gets what to do with negative amounts.</summary>
    public NegativeAmountHandling Returns { get; init; } = NegativeAmountHandling.NetAsReturn;

    /// <summary>Gets the culture of numbers in the input files.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Gets the field delimiter of the input files.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets whether the first bad row stops the program.</summary>
    public bool Strict { get; init; }

    /// <summary>The names of the input options.</summary>
    /// <param name="customers">Whether the program reads a customer-attribute export (--customers).</param>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> Names(bool customers) => customers
        ? ["--input", "--customers", "--id-column", "--date-column", "--amount-column", "--returns", "--culture", "--delimiter", "--strict"]
        : ["--input", "--id-column", "--date-column", "--amount-column", "--returns", "--culture", "--delimiter", "--strict"];

    /// <summary>The --help lines of the input options, indented like the programs' own.</summary>
    /// <param name="customersHelp">The program's own lines for --customers (what it reads from the export), or null when it reads none.</param>
    /// <param name="returnsDefault">The program's default for --returns.</param>
    /// <returns>The text, ending with a line break.</returns>
    public static string Help(string? customersHelp, NegativeAmountHandling returnsDefault = NegativeAmountHandling.NetAsReturn)
    {
        const string Transactions = """
              --input <file>       Transaction export: one row per order with customer id, date and amount
                                   (headers such as customer_id/CustomerID/client, order_date/InvoiceDate/date,
                                   amount/revenue/total; other columns are ignored). Default:
                                   samples/data/transactions.csv, looked up from the current directory and the
                                   program's folder upwards.
              --id-column <name>   Header of the customer id column, when it is none of the usual names.
                                   Default: found by name.
              --date-column <name> Header of the order date column. Default: found by name.
              --amount-column <name>
                                   Header of the amount column. Default: found by name.

            """;
        var reading = $$"""
              --returns <name>     Negative amounts (returns): net (subtract from the customer's spend),
                                   ignore (leave out, counted), reject (an issue: stops the program with
                                   --strict, else counted). Default: {{Array.Find(ReturnModes, mode => mode.Item2 == returnsDefault).Item1}}.
              --culture <name>     Culture of the numbers in the input files, e.g. de-DE for 4,50. Output is
                                   always invariant (4.50). Default: invariant.
              --delimiter <char>   Field delimiter of the input files: one character, or tab. Default: ,
              --strict             Stop at the first bad row (exit code 1) instead of counting it and going on.
                                   Default: off (lenient).

            """;
        return Transactions + (customersHelp ?? string.Empty) + reading;
    }

    /// <summary>Applies the reader's current option when it is an input option.</summary>
    /// <param name="reader">The reader, positioned on an option.</param>
    /// <returns>The options with that option applied, or null when it is not an input option.</returns>
    /// <exception cref="UsageException">The option's value is bad.</exception>
    public InputOptions? Read(OptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Name switch
        {
            "--input" => this with { Input = reader.Text("<file>") },
            "--customers" => this with { Customers = reader.Text("<file>") },
            "--id-column" => this with { IdColumn = reader.Text("customer_id") },
            "--date-column" => this with { DateColumn = reader.Text("order_date") },
            "--amount-column" => this with { AmountColumn = reader.Text("amount") },
            "--returns" => this with { Returns = reader.Choice<NegativeAmountHandling>(ReturnModes) },
            "--culture" => this with { Culture = reader.Culture() },
            "--delimiter" => this with { Delimiter = reader.Delimiter() },
            "--strict" => this with { Strict = reader.Flag() },
            _ => null,
        };
    }
}
