using CustomerValue.Csv.Internal;

namespace CustomerValue.Csv;

/// <summary>Reads a transaction export straight into customer summaries.</summary>
public static class CsvTransactions
{
    /// <summary>
    /// Reads the transactions of a file and summarises them as of <see cref="SummaryOptions.AsOf"/>, streaming: memory
    /// holds per-customer totals and each customer's distinct purchase periods, never more than a fixed batch of rows
    /// (about 256K per reading thread, applied to the customers a batch at a time). A UTF-8 file is parsed
    /// by hand on two threads; any line the hand parser does not take goes through the general CSV reader, so the result
    /// equals reading every transaction and calling <see cref="CustomerSummaries.FromTransactions"/>. In strict mode the
    /// first bad row in file order (a CSV error or a row the summaries reject) throws.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="summary">The summary options.</param>
    /// <param name="options">The CSV options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes read after each block of about 1 MB and at the end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summaries and the read report.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CsvImportException">A required column is missing, no row was accepted, or (strict mode) a row is bad.</exception>
    /// <exception cref="InvalidTransactionException">A transaction is invalid for the summaries and <see cref="SummaryOptions.InvalidTransactions"/> is <see cref="InvalidTransactionHandling.Throw"/>; the message names its line, column and value as in the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvSummaryImport SummariseFile(string path, SummaryOptions summary, CsvTransactionOptions? options = null, IProgress<CsvProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return StreamingSummary.FromFile(path, summary, CsvTransactionReader.Validate(options), progress, cancellationToken);
    }

    /// <summary>Reads the transactions of a stream and summarises them; see <see cref="SummariseFile(string, SummaryOptions, CsvTransactionOptions?, IProgress{CsvProgress}?, CancellationToken)"/>.</summary>
    /// <param name="stream">The input, read from its current position; left open.</param>
    /// <param name="summary">The summary options.</param>
    /// <param name="options">The CSV options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes read after each block of about 1 MB and at the end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summaries and the read report.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CsvImportException">A required column is missing, no row was accepted, or (strict mode) a row is bad.</exception>
    /// <exception cref="InvalidTransactionException">A transaction is invalid for the summaries and <see cref="SummaryOptions.InvalidTransactions"/> is <see cref="InvalidTransactionHandling.Throw"/>; the message names its line, column and value as in the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CsvSummaryImport Summarise(Stream stream, SummaryOptions summary, CsvTransactionOptions? options = null, IProgress<CsvProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return StreamingSummary.FromStream(stream, summary, CsvTransactionReader.Validate(options), progress, cancellationToken);
    }
}
