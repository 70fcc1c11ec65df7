using CsvHelper;
using CustomerValue.Csv.Internal;

namespace CustomerValue.Csv;

/// <summary>
/// Writes frames and reports as CSV (RFC 4180, UTF-8, CRLF). Text that a spreadsheet would run as a formula (starting
/// with =, +, -, @, tab or CR) gets a leading single quote; numbers and scores are written as they are, so -5 stays a number.
/// Line breaks inside text are written as spaces, because the readers of this package end a row at every line break
/// (so that one stray quote cannot swallow the rest of a file); text with leading or trailing spaces is quoted.
/// </summary>
public static class CsvExport
{
    private const int ProgressInterval = 65536;

    /// <summary>
    /// Writes one row per customer: a <see cref="CsvAttributeNames.CustomerId"/> column, then every column of the frame
    /// formatted with <see cref="FrameColumn.FormatValue(int)"/> (invariant culture; empty for a missing value).
    /// </summary>
    /// <param name="frame">The frame, such as scored customers or <see cref="SummaryResult.Customers"/>.</param>
    /// <param name="path">The file, created or overwritten.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes written every 65,536 rows and at the end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write (the file is then incomplete).</param>
    /// <exception cref="ArgumentException">An option is invalid, or <paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteFrameToFile(CustomerFrame frame, string path, CsvWriteOptions? options = null, IProgress<CsvProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var file = Create(path);
        WriteFrame(frame, file, options, progress, cancellationToken);
    }

    /// <summary>Writes one row per customer to a stream; see <see cref="WriteFrameToFile(CustomerFrame, string, CsvWriteOptions?, IProgress{CsvProgress}?, CancellationToken)"/>.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes written every 65,536 rows and at the end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static void WriteFrame(CustomerFrame frame, Stream stream, CsvWriteOptions? options = null, IProgress<CsvProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = frame.Columns;
        var header = new string[columns.Count + 1];
        header[0] = CsvAttributeNames.CustomerId;
        for (var c = 0; c < columns.Count; c++)
        {
            header[c + 1] = columns[c].Name;
        }

        var text = new bool[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            text[c] = columns[c].Kind is ColumnKind.Text or ColumnKind.Category;
        }

        var ids = frame.CustomerIds;
        Write(stream, options, header, frame.Count, progress, (writer, row) =>
        {
            WriteText(writer, ids[row]);
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].FormatValue(row);
                if (text[c])
                {
                    WriteText(writer, value);
                }
                else
                {
                    writer.WriteField(value);
                }
            }
        }, cancellationToken);
    }

    /// <summary>Writes rejected rows (line, reason, column, value, message, raw text) so they can be fixed and read again.</summary>
    /// <param name="rejects">The rejects, such as <see cref="CsvReadReport.Rejects"/>.</param>
    /// <param name="path">The file, created or overwritten.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid, or <paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteRejectsToFile(IReadOnlyList<CsvReject> rejects, string path, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rejects);
        using var file = Create(path);
        WriteRejects(rejects, file, options);
    }

    /// <summary>Writes rejected rows to a stream; see <see cref="WriteRejectsToFile(IReadOnlyList{CsvReject}, string, CsvWriteOptions?)"/>.</summary>
    /// <param name="rejects">The rejects.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteRejects(IReadOnlyList<CsvReject> rejects, Stream stream, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rejects);
        Write(stream, options, ["line", "reason", "column", "value", "message", "raw_text"], rejects.Count, null, (writer, row) =>
        {
            var reject = rejects[row];
            writer.WriteField(reject.LineNumber);
            writer.WriteField(reject.Reason.ToString());
            WriteText(writer, reject.Column ?? string.Empty);
            WriteText(writer, reject.Value ?? string.Empty);
            WriteText(writer, reject.Message);
            WriteText(writer, reject.RawText);
        }, CancellationToken.None);
    }

    /// <summary>Writes the transactions the summaries excluded (index, reason, customer id, date, amount).</summary>
    /// <param name="summary">The summaries.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteIssues(SummaryResult summary, Stream stream, CsvWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var issues = summary.Issues;
        Write(stream, options, ["index", "reason", CsvAttributeNames.CustomerId, "timestamp", "amount"], issues.Count, null, (writer, row) =>
        {
            var issue = issues[row];
            writer.WriteField(issue.Index);
            writer.WriteField(issue.Reason.ToString());
            WriteText(writer, issue.Transaction.CustomerId ?? string.Empty);
            writer.WriteField(issue.Transaction.Timestamp, "yyyy-MM-dd'T'HH:mm:ss");
            writer.WriteField(issue.Transaction.Amount);
        }, CancellationToken.None);
    }

    private static void WriteText(CsvWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            value = value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        }

        writer.WriteField(Text.Neutralise(value), CsvQuoting.WhenNeededOrWhitespace);
    }

    private static FileStream Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    private static void Write(Stream stream, CsvWriteOptions? options, string[] header, int rows, IProgress<CsvProgress>? progress, Action<CsvWriter, int> writeRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new CsvWriteOptions();
        if (options.Delimiter is '"' or '\r' or '\n' or '\'' || options.Delimiter > 127)
        {
            throw new ArgumentException(Text.Invariant(
                $"CsvWriteOptions.Delimiter must be an ASCII character other than the quotes, CR and LF; it was U+{(int)options.Delimiter:X4}."), nameof(options));
        }

        var counting = new CountingStream(stream);
        using var writer = CsvWriter.Create(counting, new CsvWriterOptions
        {
            Separator = options.Delimiter,
            WriteByteOrderMark = options.ByteOrderMark,

            // Neutralised here, per column kind: the writer cannot tell a text "-5" from a number.
            Injection = CsvInjection.None,
        });
        var neutralised = new string[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            neutralised[i] = Text.Neutralise(header[i]);
        }

        writer.WriteHeader(neutralised);
        for (var row = 0; row < rows; row++)
        {
            writeRow(writer, row);
            writer.EndRecord();
            if ((row + 1) % ProgressInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new CsvProgress(row + 1, counting.Written));
            }
        }

        writer.Flush();
        progress?.Report(new CsvProgress(rows, counting.Written));
    }
}
