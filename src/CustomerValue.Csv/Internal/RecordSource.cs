using System.Text;
using CsvHelper;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// CsvHelper's low-level reader plus the bookkeeping every import shares: rows whose quoting or field count is wrong
/// become rejects (or, in strict mode, exceptions), line numbers, counts, progress and cancellation.
/// Rows read always equals rows accepted plus rows rejected.
/// </summary>
internal sealed class RecordSource : IDisposable
{
    private const int CancellationInterval = 4096;
    private const int ProgressInterval = 65536;

    private readonly CsvReader _reader;
    private readonly CsvErrorMode _mode;
    private readonly string _errorsOption;
    private readonly IProgress<CsvProgress>? _progress;
    private readonly Queue<CsvMalformedRecord> _malformed = new();
    private readonly List<CsvReject> _rejects = [];
    private readonly int[] _rejectCounts = new int[Enum.GetValues<CsvRejectReason>().Length];
    private readonly long _lineOffset;

    private RecordSource(
        Func<CsvReaderOptions, CsvReader> open, char delimiter, CsvErrorMode mode, string errorsOption, IProgress<CsvProgress>? progress,
        IReadOnlyList<string>? headers = null, long lineOffset = 0)
    {
        if (delimiter is '"' or '\r' or '\n' || delimiter > 127)
        {
            throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, Text.Invariant(
                $"The delimiter must be an ASCII character other than the quote, CR and LF; it was U+{(int)delimiter:X4}."));
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, Text.Invariant($"{errorsOption} must be Strict or Lenient; it was {(int)mode}."));
        }

        _mode = mode;
        _errorsOption = errorsOption;
        _progress = progress;
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = headers is null,

            // Every line break ends a record, so one stray quote costs one row, not the rest of the file.
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = _malformed.Enqueue,

            // Field counts are checked here, so a short row and a long row get different reasons.
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
        };
        _lineOffset = lineOffset;
        _reader = open(options);
        try
        {
            Headers = headers ?? [.. _reader.Headers];
        }
        catch
        {
            _reader.Dispose();
            throw;
        }

        while (_malformed.Count > 0)
        {
            var bad = _malformed.Dequeue();
            var raw = bad.RawRecord.Length > 60 ? bad.RawRecord[..60] + "..." : bad.RawRecord;
            throw new CsvImportException(Text.Invariant(
                $"The header (line {bad.LineNumber}) has malformed quoting ({bad.Reason}), so no column can be found: '{raw}'. Check that the file is CSV with the delimiter '{delimiter}'."));
        }
    }

    public IReadOnlyList<string> Headers { get; }

    public CsvReader Reader => _reader;

    /// <summary>Gets the 1-based file line where the current row starts.</summary>
    public long LineNumber => _reader.LineNumber + _lineOffset;

    public long RowsRead { get; private set; }

    public long RowsAccepted { get; private set; }

    public IReadOnlyList<CsvReject> Rejects => _rejects;

    public int[] RejectCounts => _rejectCounts;

    public string ErrorsOption => _errorsOption;

    public static RecordSource Open(Stream stream, bool leaveOpen, char delimiter, CsvErrorMode mode, string errorsOption, IProgress<CsvProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new RecordSource(options => CsvReader.Create(stream, options, leaveOpen), delimiter, mode, errorsOption, progress);
    }

    public static RecordSource Open(string path, char delimiter, CsvErrorMode mode, string errorsOption, IProgress<CsvProgress>? progress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new RecordSource(options => CsvReader.FromFile(path, options), delimiter, mode, errorsOption, progress);
    }

    /// <summary>
    /// Reads whole lines cut from a file (the fast reader's fallback for lines it does not parse itself): no header,
    /// the file's <paramref name="headers"/>, and line numbers counted from <paramref name="firstLine"/>.
    /// </summary>
    public static RecordSource ForLines(
        byte[] buffer, int offset, int count, IReadOnlyList<string> headers, long firstLine, char delimiter, CsvErrorMode mode, string errorsOption)
        => new(
            options => CsvReader.Create(new MemoryStream(buffer, offset, count, writable: false), options, leaveOpen: false),
            delimiter, mode, errorsOption, progress: null, headers, firstLine - 1);

    /// <summary>Advances to the next row whose quoting and field count are right; the others become rejects.</summary>
    public bool Next(CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _reader.Read();

            // The reader reports a skipped record before it returns the one after it, so rejects stay in file order.
            while (_malformed.Count > 0)
            {
                var bad = _malformed.Dequeue();
                Counted(cancellationToken);
                var reason = bad.Reason is CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote
                    ? CsvRejectReason.UnclosedQuote
                    : CsvRejectReason.MalformedQuote;
                var what = reason == CsvRejectReason.UnclosedQuote
                    ? "has a quoted field that is not closed before the end of the line"
                    : "has a quote inside an unquoted field or text after a closing quote";
                var badLine = bad.LineNumber + _lineOffset;
                AddReject(new CsvReject(badLine, reason, null, null, bad.RawRecord, Text.Invariant($"Line {badLine} {what}.")));
            }

            if (!found)
            {
                _progress?.Report(new CsvProgress(RowsRead, _reader.ByteOffset));
                return false;
            }

            Counted(cancellationToken);
            var fields = _reader.FieldCount;
            if (fields == Headers.Count)
            {
                return true;
            }

            var line = LineNumber;
            var message = fields < Headers.Count
                ? Text.Invariant($"Line {line} has {fields} fields but the header has {Headers.Count}: column '{Headers[fields]}' is missing.")
                : Text.Invariant($"Line {line} has {fields} fields but the header has {Headers.Count}.");
            AddReject(new CsvReject(
                line,
                fields < Headers.Count ? CsvRejectReason.MissingField : CsvRejectReason.ExtraField,
                fields < Headers.Count ? Headers[fields] : null,
                null,
                RawText(),
                message));
        }
    }

    public void Accept() => RowsAccepted++;

    /// <summary>Rejects the current row because of one field; throws in strict mode.</summary>
    public void Reject(CsvRejectReason reason, int column, string problem)
    {
        var line = LineNumber;
        var value = Encoding.UTF8.GetString(_reader.GetSpan(column));
        var message = Text.Invariant($"Line {line}, column '{Headers[column]}': '{value}' {problem}.");
        AddReject(new CsvReject(line, reason, Headers[column], value, RawText(), message));
    }

    public CsvReadReport Report() => new(RowsRead, RowsAccepted, [.. _rejects], (int[])_rejectCounts.Clone());

    public void Dispose() => _reader.Dispose();

    private string RawText() => Encoding.UTF8.GetString(_reader.RawRecord);

    private void Counted(CancellationToken cancellationToken)
    {
        RowsRead++;
        if (RowsRead % CancellationInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_progress is not null && RowsRead % ProgressInterval == 0)
            {
                _progress.Report(new CsvProgress(RowsRead, _reader.ByteOffset));
            }
        }
    }

    private void AddReject(CsvReject reject)
    {
        if (_mode == CsvErrorMode.Strict)
        {
            throw new CsvImportException(reject, Text.Invariant(
                $"{reject.Message} Set {_errorsOption} to {nameof(CsvErrorMode.Lenient)} to skip such rows and get them back in the report's rejects."));
        }

        _rejects.Add(reject);
        _rejectCounts[(int)reject.Reason]++;
    }
}
