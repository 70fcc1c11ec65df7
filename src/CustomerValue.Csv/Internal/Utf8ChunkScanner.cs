using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// Reads one part of a UTF-8 transaction file in large blocks and parses the common line by hand: no quote, the
/// header's field count, fields trimmed of spaces and tabs as CsvHelper trims them, an id, a date and an amount that
/// parse. Every other line (quotes, wrong field counts, bad values, whitespace-only lines) goes, in runs, through the
/// general CsvHelper reader, so rejects, messages and line numbers are the general reader's own.
/// </summary>
/// <remarks>CR, LF and CRLF each end a line, as in CsvHelper with line breaks in quotes disallowed.</remarks>
internal sealed class Utf8ChunkScanner
{
    private const int BlockSize = 1 << 20;
    private const string ErrorsOption = "CsvTransactionOptions.Errors";
    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    private readonly ByteInput _input;
    private readonly long _start;
    private readonly long _end;
    private readonly Func<long> _linesBefore;
    private readonly IReadOnlyList<string> _headers;
    private readonly CsvTransactionOptions _options;
    private readonly FieldParser _parser;
    private readonly ChunkRows _rows;
    private readonly SearchValues<byte> _fieldStops;
    private readonly byte _delimiter;
    private readonly Vector256<byte> _delimiterVector;
    private readonly byte _point;
    private readonly int _idIndex;
    private readonly int _dateIndex;
    private readonly int _amountIndex;
    private readonly int _lastNeeded;
    private long? _lineBase;

    /// <param name="input">The file.</param>
    /// <param name="start">Where the part starts (at a line start).</param>
    /// <param name="end">Where it ends (after a line break, or the end of the file).</param>
    /// <param name="linesBefore">Counts the lines before the part, header included; called only when a line number is needed while reading.</param>
    /// <param name="headers">The header names.</param>
    /// <param name="columns">The indexes of the id, date and amount columns.</param>
    /// <param name="options">The CSV options.</param>
    /// <param name="parser">The field parser for the options.</param>
    /// <param name="rows">Receives the accepted rows, rejects and counts.</param>
    public Utf8ChunkScanner(
        ByteInput input, long start, long end, Func<long> linesBefore, IReadOnlyList<string> headers, (int Id, int Date, int Amount) columns,
        CsvTransactionOptions options, FieldParser parser, ChunkRows rows)
    {
        _input = input;
        _start = start;
        _end = end;
        _linesBefore = linesBefore;
        _headers = headers;
        _options = options;
        _parser = parser;
        _rows = rows;
        _delimiter = (byte)options.Delimiter;
        _fieldStops = SearchValues.Create([_delimiter, (byte)'"']);
        _delimiterVector = Vector256.Create(_delimiter);
        _point = parser.DecimalPoint;
        (_idIndex, _dateIndex, _amountIndex) = columns;
        _lastNeeded = Math.Max(_idIndex, Math.Max(_dateIndex, _amountIndex));
    }

    /// <summary>Reads the part; stops early when a row is invalid for strict summaries (strict CSV errors throw).</summary>
    /// <param name="progress">Called after each block with the rows and bytes read in it.</param>
    /// <param name="cancellationToken">Checked before each block.</param>
    public void Run(Action<long, long> progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[BlockSize];
        var length = 0;
        var offset = _start;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = _input.Read(offset, buffer.AsSpan(length, (int)Math.Min(buffer.Length - length, _end - offset)));
            offset += read;
            length += read;
            var atEnd = read == 0 || offset == _end;
            var rowsBefore = _rows.RowsRead;
            var used = ParseLines(buffer, length, atEnd);
            progress(_rows.RowsRead - rowsBefore, read);
            if (atEnd || _rows.Invalid is not null)
            {
                return;
            }

            buffer.AsSpan(used, length - used).CopyTo(buffer);
            length -= used;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    // Returns how many bytes it consumed: every whole line (all of them at the end of the part).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParseLines(byte[] buffer, int length, bool atEnd)
    {
        var position = 0;
        var runStart = -1;
        var runEnd = -1;
        var runLine = 0L;
        while (position < length)
        {
            var rest = buffer.AsSpan(position, length - position);
            var (lineLength, delimiters, quotes) = FindShortLine(buffer, position, length);
            var masked = lineLength >= 0;
            if (!masked)
            {
                lineLength = rest.IndexOfAny(LineBreaks);
            }

            int next;
            if (lineLength < 0)
            {
                if (!atEnd)
                {
                    break;
                }

                lineLength = rest.Length;
                next = length;
            }
            else if (rest[lineLength] == '\r' && lineLength + 1 == rest.Length && !atEnd)
            {
                // A CR at the end of the block may be the first half of a CRLF.
                break;
            }
            else
            {
                next = position + lineLength + (rest[lineLength] == '\r' && lineLength + 1 < rest.Length && rest[lineLength + 1] == '\n' ? 2 : 1);
            }

            var line = ++_rows.Lines;
            if (lineLength > 0)
            {
                var parsed = masked
                    ? TryParseShort(rest[..lineLength], delimiters, quotes, out var fields, out var timestamp, out var amount)
                    : TryParse(rest[..lineLength], out fields, out timestamp, out amount);
                if (parsed)
                {
                    if (runStart >= 0)
                    {
                        ReadGenerally(buffer, runStart, runEnd - runStart, runLine);
                        runStart = -1;
                        if (_rows.Invalid is not null)
                        {
                            return next;
                        }
                    }

                    _rows.RowsRead++;
                    _rows.Accept(fields.Id, fields.Date, fields.Amount, timestamp, amount, line);
                    if (_rows.Invalid is not null)
                    {
                        return next;
                    }
                }
                else
                {
                    if (runStart < 0)
                    {
                        (runStart, runLine) = (position, line);
                    }

                    runEnd = next;
                }
            }

            position = next;
        }

        if (runStart >= 0)
        {
            ReadGenerally(buffer, runStart, runEnd - runStart, runLine);
        }

        return position;
    }

    // Most lines are shorter than a vector: one load finds the line break, the delimiters and any quote at once.
    // Returns a length of -1 when the line does not end within the vector (or vectors are not accelerated).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Length, uint Delimiters, uint Quotes) FindShortLine(byte[] buffer, int position, int length)
    {
        if (!Vector256.IsHardwareAccelerated || length - position < Vector256<byte>.Count)
        {
            return (-1, 0, 0);
        }

        var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(buffer), (nuint)position);
        var breaks = (Vector256.Equals(bytes, Vector256.Create((byte)'\n')) | Vector256.Equals(bytes, Vector256.Create((byte)'\r'))).ExtractMostSignificantBits();
        if (breaks == 0)
        {
            return (-1, 0, 0);
        }

        var lineLength = BitOperations.TrailingZeroCount(breaks);
        var inLine = (1u << lineLength) - 1;
        return (
            lineLength,
            Vector256.Equals(bytes, _delimiterVector).ExtractMostSignificantBits() & inLine,
            Vector256.Equals(bytes, Vector256.Create((byte)'"')).ExtractMostSignificantBits() & inLine);
    }

    // The same as TryParse, given the positions of the delimiters and quotes of a line shorter than a vector.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseShort(ReadOnlySpan<byte> line, uint delimiters, uint quotes, out RowFields fields, out DateTime timestamp, out ParsedAmount parsed)
    {
        fields = default;
        timestamp = default;
        parsed = default;
        if (quotes != 0 || BitOperations.PopCount(delimiters) + 1 != _headers.Count)
        {
            return false;
        }

        ReadOnlySpan<byte> id = default, date = default, amount = default;
        var start = 0;
        for (var field = 0; field <= _lastNeeded; field++)
        {
            var end = delimiters == 0 ? line.Length : BitOperations.TrailingZeroCount(delimiters);
            delimiters &= delimiters == 0 ? 0 : delimiters - 1;
            var value = Trim(line[start..end]);
            if (field == _idIndex)
            {
                id = value;
            }

            if (field == _dateIndex)
            {
                date = value;
            }

            if (field == _amountIndex)
            {
                amount = value;
            }

            start = end + 1;
        }

        fields = new RowFields(id, date, amount);
        return TryParseValues(id, date, amount, out timestamp, out parsed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParse(ReadOnlySpan<byte> line, out RowFields fields, out DateTime timestamp, out ParsedAmount parsed)
    {
        ReadOnlySpan<byte> id = default, date = default, amount = default;
        fields = default;
        parsed = default;
        timestamp = default;
        var field = 0;
        var start = 0;
        while (true)
        {
            var stop = line[start..].IndexOfAny(_fieldStops);
            var end = stop < 0 ? line.Length : start + stop;
            if (stop >= 0 && line[end] == '"')
            {
                return false;
            }

            if (field <= _lastNeeded)
            {
                var value = Trim(line[start..end]);
                if (field == _idIndex)
                {
                    id = value;
                }

                if (field == _dateIndex)
                {
                    date = value;
                }

                if (field == _amountIndex)
                {
                    amount = value;
                }
            }

            field++;
            if (stop < 0)
            {
                break;
            }

            start = end + 1;
        }

        fields = new RowFields(id, date, amount);
        return field == _headers.Count && TryParseValues(id, date, amount, out timestamp, out parsed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryParseValues(ReadOnlySpan<byte> id, ReadOnlySpan<byte> date, ReadOnlySpan<byte> amount, out DateTime timestamp, out ParsedAmount parsed)
    {
        parsed = default;
        if (id.IsEmpty || !_parser.TryParseDate(date, out timestamp))
        {
            timestamp = default;
            return false;
        }

        if (_point == 0 || !ParsedAmount.TryParseUnits(amount, _point, out parsed))
        {
            if (!_parser.TryParseDecimal(amount, out var value))
            {
                return false;
            }

            parsed = ParsedAmount.From(value);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && value[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        while (end > start && value[end - 1] is (byte)' ' or (byte)'\t')
        {
            end--;
        }

        return value[start..end];
    }

    private void ReadGenerally(byte[] buffer, int offset, int count, long firstLine)
    {
        _lineBase ??= _linesBefore();
        using var source = RecordSource.ForLines(buffer, offset, count, _headers, _lineBase.Value + firstLine, _options.Delimiter, _options.Errors, ErrorsOption);
        try
        {
            while (_rows.Invalid is null && source.Next(CancellationToken.None))
            {
                if (CsvTransactionReader.TryRead(source, _parser, _idIndex, _dateIndex, _amountIndex, out var id, out var timestamp, out var amount))
                {
                    source.Accept();
                    _rows.Accept(id, source.Reader.GetSpan(_dateIndex), source.Reader.GetSpan(_amountIndex), timestamp, ParsedAmount.From(amount), source.LineNumber - _lineBase.Value);
                }
            }
        }
        finally
        {
            _rows.AddReport(source);
        }
    }
}

/// <summary>The id, date and amount fields of a line, trimmed.</summary>
internal readonly ref struct RowFields(ReadOnlySpan<byte> id, ReadOnlySpan<byte> date, ReadOnlySpan<byte> amount)
{
    public ReadOnlySpan<byte> Id { get; } = id;

    public ReadOnlySpan<byte> Date { get; } = date;

    public ReadOnlySpan<byte> Amount { get; } = amount;
}

/// <summary>Reads bytes of an input at given offsets.</summary>
internal abstract class ByteInput
{
    public abstract int Read(long offset, Span<byte> destination);
}

/// <summary>A file, read at any offset from any thread.</summary>
internal sealed class FileInput(Microsoft.Win32.SafeHandles.SafeFileHandle handle) : ByteInput
{
    public override int Read(long offset, Span<byte> destination) => destination.IsEmpty ? 0 : RandomAccess.Read(handle, destination, offset);
}

/// <summary>A stream, read sequentially by one thread (offsets are relative to where it started and must follow on).</summary>
internal sealed class StreamInput(Stream stream) : ByteInput
{
    public override int Read(long offset, Span<byte> destination) => destination.IsEmpty ? 0 : stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
}
