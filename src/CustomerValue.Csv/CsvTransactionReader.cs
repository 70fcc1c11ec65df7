using CustomerValue.Csv.Internal;

namespace CustomerValue.Csv;

/// <summary>
/// Streams a transaction export (customer id, date, amount; other columns are ignored) as <see cref="Transaction"/>
/// values, in batches or one at a time, so a large file never exists as objects all at once. Bad rows become
/// <see cref="CsvReject"/>s (or, in strict mode, a <see cref="CsvImportException"/>). Not thread-safe; dispose it to
/// close the file.
/// </summary>
public sealed class CsvTransactionReader : IDisposable
{
    private const string ErrorsOption = "CsvTransactionOptions.Errors";
    private readonly RecordSource _source;
    private readonly FieldParser _parser;
    private readonly StringPool _ids = new();
    private readonly int _idIndex;
    private readonly int _dateIndex;
    private readonly int _amountIndex;

    private CsvTransactionReader(RecordSource source, CsvTransactionOptions options)
    {
        _source = source;
        try
        {
            _parser = new FieldParser(options.Culture, options.DateFormats);
            var headers = source.Headers;
            if (headers.Count > 0)
            {
                _idIndex = ColumnMatcher.FindRequired(headers, options.CustomerIdColumn, ColumnMatcher.CustomerIdAliases, "customer id", "CsvTransactionOptions.CustomerIdColumn");
                _dateIndex = ColumnMatcher.FindRequired(headers, options.DateColumn, ColumnMatcher.DateAliases, "date", "CsvTransactionOptions.DateColumn");
                _amountIndex = ColumnMatcher.FindRequired(headers, options.AmountColumn, ColumnMatcher.AmountAliases, "amount", "CsvTransactionOptions.AmountColumn");
                CustomerIdColumn = headers[_idIndex];
                DateColumn = headers[_dateIndex];
                AmountColumn = headers[_amountIndex];
            }
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Gets the header names of the file (empty for an empty file).</summary>
    public IReadOnlyList<string> Headers => _source.Headers;

    /// <summary>Gets the header of the column read as the customer id, or <see langword="null"/> for an empty file.</summary>
    public string? CustomerIdColumn { get; }

    /// <summary>Gets the header of the column read as the date, or <see langword="null"/> for an empty file.</summary>
    public string? DateColumn { get; }

    /// <summary>Gets the header of the column read as the amount, or <see langword="null"/> for an empty file.</summary>
    public string? AmountColumn { get; }

    /// <summary>Gets the number of data rows read so far (accepted plus rejected).</summary>
    public long RowsRead => _source.RowsRead;

    /// <summary>Gets the number of rows accepted so far.</summary>
    public long RowsAccepted => _source.RowsAccepted;

    /// <summary>Gets the number of rows rejected so far.</summary>
    public long RowsRejected => _source.Rejects.Count;

    internal RecordSource Source => _source;

    internal FieldParser Parser => _parser;

    internal (int Id, int Date, int Amount) Columns => (_idIndex, _dateIndex, _amountIndex);

    /// <summary>Opens a file and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes read every 65,536 rows and at the end, or <see langword="null"/>.</param>
    /// <returns>The reader, positioned before the first data row.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an option is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">The header lacks a required column; the message lists the header and the accepted names.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvTransactionReader Open(string path, CsvTransactionOptions? options = null, IProgress<CsvProgress>? progress = null)
    {
        options = Validate(options);
        return new CsvTransactionReader(RecordSource.Open(path, options.Delimiter, options.Errors, ErrorsOption, progress), options);
    }

    /// <summary>Reads a stream (UTF-8, with or without a byte order mark; UTF-16 with one) and its header.</summary>
    /// <param name="stream">The input, read from its current position.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes read every 65,536 rows and at the end, or <see langword="null"/>.</param>
    /// <param name="leaveOpen">Whether <paramref name="stream"/> stays open when the reader is disposed.</param>
    /// <returns>The reader, positioned before the first data row.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="CsvImportException">The header lacks a required column; the message lists the header and the accepted names.</exception>
    public static CsvTransactionReader Create(Stream stream, CsvTransactionOptions? options = null, IProgress<CsvProgress>? progress = null, bool leaveOpen = false)
    {
        options = Validate(options);
        return new CsvTransactionReader(RecordSource.Open(stream, leaveOpen, options.Delimiter, options.Errors, ErrorsOption, progress), options);
    }

    internal static CsvTransactionReader ForSummary(RecordSource source, CsvTransactionOptions options) => new(source, options);

    internal static CsvTransactionOptions Validate(CsvTransactionOptions? options)
    {
        options ??= new CsvTransactionOptions();
        ArgumentNullException.ThrowIfNull(options.Culture, "options.Culture");
        ArgumentNullException.ThrowIfNull(options.DateFormats, "options.DateFormats");
        if (options.DateFormats.Count == 0 || options.DateFormats.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("CsvTransactionOptions.DateFormats must list at least one format, and no blank ones.", nameof(options));
        }

        return options;
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length accepted transactions.</summary>
    /// <param name="destination">Where to put them.</param>
    /// <param name="cancellationToken">Cancels the read (checked every 4,096 rows).</param>
    /// <returns>How many were read; 0 at the end of the file.</returns>
    /// <exception cref="CsvImportException">A row is bad and <see cref="CsvTransactionOptions.Errors"/> is <see cref="CsvErrorMode.Strict"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The reader has been disposed.</exception>
    public int ReadBatch(Span<Transaction> destination, CancellationToken cancellationToken = default)
    {
        if (Headers.Count == 0)
        {
            return 0;
        }

        var count = 0;
        while (count < destination.Length && _source.Next(cancellationToken))
        {
            if (!TryRead(_source, _parser, _idIndex, _dateIndex, _amountIndex, out var id, out var timestamp, out var amount))
            {
                continue;
            }

            destination[count++] = new Transaction(_ids.Get(id), timestamp, amount);
            _source.Accept();
        }

        return count;
    }

    /// <summary>Reads the transaction fields of the current row of <paramref name="source"/>, or rejects the row (throwing in strict mode).</summary>
    internal static bool TryRead(
        RecordSource source, FieldParser parser, int idIndex, int dateIndex, int amountIndex, out ReadOnlySpan<byte> id, out DateTime timestamp, out decimal amount)
    {
        var reader = source.Reader;
        amount = 0;
        id = reader.GetSpan(idIndex);
        if (IsBlank(id))
        {
            timestamp = default;
            source.Reject(CsvRejectReason.EmptyCustomerId, idIndex, "is not a customer id: it is empty");
            return false;
        }

        if (!parser.TryParseDate(reader.GetSpan(dateIndex), out timestamp))
        {
            source.Reject(CsvRejectReason.BadDate, dateIndex, "is not " + parser.DescribeDates());
            return false;
        }

        if (!parser.TryParseDecimal(reader.GetSpan(amountIndex), out amount))
        {
            source.Reject(CsvRejectReason.BadNumber, amountIndex, "is not " + parser.DescribeNumbers());
            return false;
        }

        return true;
    }

    /// <summary>Reads the remaining accepted transactions, one at a time (internally in batches).</summary>
    /// <param name="cancellationToken">Cancels the read (checked every 4,096 rows).</param>
    /// <returns>The transactions, lazily; enumerate once.</returns>
    /// <exception cref="CsvImportException">While enumerating: a row is bad and <see cref="CsvTransactionOptions.Errors"/> is <see cref="CsvErrorMode.Strict"/>.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    public IEnumerable<Transaction> ReadAll(CancellationToken cancellationToken = default)
    {
        var batch = new Transaction[4096];
        int count;
        while ((count = ReadBatch(batch, cancellationToken)) > 0)
        {
            for (var i = 0; i < count; i++)
            {
                yield return batch[i];
            }
        }
    }

    /// <summary>Returns what the read did with the rows so far: counts and every rejected row.</summary>
    /// <returns>A snapshot of the report.</returns>
    public CsvReadReport GetReport() => _source.Report();

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    private static bool IsBlank(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b is not (byte)' ' and not (byte)'\t')
            {
                return false;
            }
        }

        return true;
    }
}
