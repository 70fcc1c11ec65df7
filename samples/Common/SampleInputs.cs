using CustomerValue;
using CustomerValue.Csv;

namespace Samples.Common;

/// <summary>The resolved export files of a run and how to read them.</summary>
public sealed class SampleInputs
{
    // Below this size a read takes well under a second, so a progress line would only be noise in logs.
    private const long ProgressThresholdBytes = 5L * 1024 * 1024;

    private readonly InputOptions _options;
    private readonly TextWriter _stderr;
    private readonly bool _terminal;

    private SampleInputs(InputOptions options, string transactions, string? customers, TextWriter stderr, bool terminal)
    {
        _options = options;
        TransactionsFile = transactions;
        CustomersFile = customers;
        _stderr = stderr;
        _terminal = terminal;
    }

    /// <summary>Gets the transaction export.</summary>
    public string TransactionsFile { get; }

    /// <summary>Gets the customer-attribute export, or null when there is none.</summary>
    public string? CustomersFile { get; }

    /// <summary>Gets the reading mode as the report header shows it.</summary>
    public string Mode => _options.Strict ? "strict" : "lenient: bad rows are counted and left out";

    /// <summary>Finds the files: the given ones, or the bundled exports.</summary>
    /// <param name="options">The input options.</param>
    /// <param name="readsCustomers">Whether the program reads a customer-attribute export.</param>
    /// <param name="stderr">Receives progress for large files or a terminal.</param>
    /// <param name="terminal">Whether stderr is a terminal.</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="UsageException">A given file does not exist, or no input was given and the bundled one is not found.</exception>
    public static SampleInputs Resolve(InputOptions options, bool readsCustomers, TextWriter stderr, bool terminal)
    {
        ArgumentNullException.ThrowIfNull(options);
        string transactions;
        if (options.Input is null)
        {
            transactions = DataFiles.FindBundled(InputOptions.BundledTransactions)
                ?? throw new UsageException($"No --input given and the bundled export {InputOptions.BundledTransactions} was not found above the current directory ({Directory.GetCurrentDirectory()}) or the program's folder; pass --input <file>.");
        }
        else
        {
            transactions = File.Exists(options.Input)
                ? options.Input
                : throw new UsageException($"The --input file '{options.Input}' does not exist (current directory: {Directory.GetCurrentDirectory()}).");
        }

        string? customers = null;
        if (options.Customers is not null)
        {
            customers = File.Exists(options.Customers)
                ? options.Customers
                : throw new UsageException($"The --customers file '{options.Customers}' does not exist (current directory: {Directory.GetCurrentDirectory()}).");
        }
        else if (readsCustomers && options.Input is null)
        {
            // The bundled attributes describe the bundled customers only; joining them to another export would be wrong.
            customers = DataFiles.FindBundled(InputOptions.BundledCustomers);
        }

        return new SampleInputs(options, transactions, customers, stderr, terminal);
    }

    /// <summary>Reads the transaction export and summarises it as of a date.</summary>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="growthWindowDays">The length of the growth windows (window_spend and previous_window_spend).</param>
    /// <returns>The summaries and the read report.</returns>
    /// <exception cref="CsvImportException">A needed column is missing, or (strict) a row is bad.</exception>
    /// <exception cref="InvalidTransactionException">(Strict) a transaction is invalid.</exception>
    public CsvSummaryImport Summarise(DateOnly asOf, int growthWindowDays = 90)
        => CsvTransactions.SummariseFile(TransactionsFile, SummaryOptionsFor(asOf, growthWindowDays), TransactionCsvOptions(), ProgressFor(TransactionsFile));

    /// <summary>Opens the transaction export for a second pass (no progress: the first read has shown it).</summary>
    /// <returns>The reader; the caller disposes it.</returns>
    /// <exception cref="CsvImportException">A needed column is missing.</exception>
    public CsvTransactionReader OpenTransactions() => CsvTransactionReader.Open(TransactionsFile, TransactionCsvOptions());

    /// <summary>The summary options of these inputs as of a date: the --returns and --strict choices.</summary>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="growthWindowDays">The length of the growth windows (window_spend and previous_window_spend).</param>
    /// <returns>The options.</returns>
    public SummaryOptions SummaryOptionsFor(DateOnly asOf, int growthWindowDays = 90) => new()
    {
        AsOf = asOf,
        GrowthWindowDays = growthWindowDays,
        NegativeAmounts = _options.Returns,
        InvalidTransactions = _options.Strict ? InvalidTransactionHandling.Throw : InvalidTransactionHandling.Skip,
    };

    /// <summary>Reads the customer-attribute export, when there is one.</summary>
    /// <returns>The attributes and the read report, or null without an export.</returns>
    /// <exception cref="CsvImportException">The id column is missing, or (strict) a row is bad.</exception>
    public CsvAttributeImport? ReadAttributes()
    {
        if (CustomersFile is null)
        {
            return null;
        }

        var csv = new CsvAttributeOptions
        {
            Delimiter = _options.Delimiter,
            Culture = _options.Culture,
            Errors = _options.Strict ? CsvErrorMode.Strict : CsvErrorMode.Lenient,
        };
        return CsvAttributes.ReadFile(CustomersFile, csv, ProgressFor(CustomersFile));
    }

    private CsvTransactionOptions TransactionCsvOptions() => new()
    {
        Delimiter = _options.Delimiter,
        Culture = _options.Culture,
        Errors = _options.Strict ? CsvErrorMode.Strict : CsvErrorMode.Lenient,
        CustomerIdColumn = _options.IdColumn,
        DateColumn = _options.DateColumn,
        AmountColumn = _options.AmountColumn,
    };

    private ConsoleProgress? ProgressFor(string file)
    {
        var bytes = new FileInfo(file).Length;
        return bytes > ProgressThresholdBytes || _terminal
            ? new ConsoleProgress(_stderr, Path.GetFileName(file), bytes, _terminal)
            : null;
    }
}
