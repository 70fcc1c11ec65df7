using System.Buffers;
using System.Buffers.Binary;
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
    /// <summary>The size of the blocks read at once (a buffer grows when a line is longer).</summary>
    public const int BlockSize = 1 << 20;
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
    private readonly ulong _points;
    private readonly int _idIndex;
    private readonly int _dateIndex;
    private readonly int _amountIndex;
    private readonly int _lastNeeded;
    private readonly int _fieldCount;
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
        _points = _point * 0x0101010101010101UL;
        (_idIndex, _dateIndex, _amountIndex) = columns;
        _lastNeeded = Math.Max(_idIndex, Math.Max(_dateIndex, _amountIndex));
        _fieldCount = headers.Count;
    }

    /// <summary>Reads the part; stops early when a row is invalid for strict summaries (strict CSV errors throw).</summary>
    /// <param name="buffer">The buffer to read into (a thread's, reused from part to part); replaced by a larger one when a line does not fit it.</param>
    /// <param name="progress">Called after each block with the rows and bytes read in it.</param>
    /// <param name="cancellationToken">Checked before each block.</param>
    public void Run(ref byte[] buffer, Action<long, long> progress, CancellationToken cancellationToken)
    {
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
            var (lineLength, delimiters, quotes, blanks) = FindShortLine(buffer, position, length);
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
                    ? TryParseShort(buffer, position, lineLength, delimiters, quotes, blanks, out var text, out var ticks, out var amount)
                    : TryParse(buffer, position, lineLength, out text, out ticks, out amount);
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
                    _rows.Accept(buffer, text, ticks, amount, line);
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

    // Most lines are shorter than a vector: one load finds the line break, the delimiters, any quote and any space or tab
    // (which fields are trimmed of) at once. Returns a length of -1 when the line does not end within the vector (or
    // vectors are not accelerated).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Length, uint Delimiters, uint Quotes, uint Blanks) FindShortLine(byte[] buffer, int position, int length)
    {
        if (!Vector256.IsHardwareAccelerated || length - position < Vector256<byte>.Count)
        {
            return (-1, 0, 0, 0);
        }

        var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(buffer), (nuint)position);
        var breaks = (Vector256.Equals(bytes, Vector256.Create((byte)'\n')) | Vector256.Equals(bytes, Vector256.Create((byte)'\r'))).ExtractMostSignificantBits();
        if (breaks == 0)
        {
            return (-1, 0, 0, 0);
        }

        var lineLength = BitOperations.TrailingZeroCount(breaks);
        var inLine = (1u << lineLength) - 1;
        return (
            lineLength,
            Vector256.Equals(bytes, _delimiterVector).ExtractMostSignificantBits() & inLine,
            Vector256.Equals(bytes, Vector256.Create((byte)'"')).ExtractMostSignificantBits() & inLine,
            (Vector256.Equals(bytes, Vector256.Create((byte)' ')) | Vector256.Equals(bytes, Vector256.Create((byte)'\t'))).ExtractMostSignificantBits() & inLine);
    }

    // The same as TryParse, given the positions of the delimiters, quotes and blanks of a line shorter than a vector.
    // Fields are offsets into the buffer: spans passed to a method that is not inlined cost a stalled copy each.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseShort(byte[] buffer, int start, int length, uint delimiters, uint quotes, uint blanks, out RowText text, out long ticks, out ParsedAmount parsed)
    {
        text = default;
        ticks = 0;
        parsed = default;
        if (quotes != 0 || BitOperations.PopCount(delimiters) + 1 != _fieldCount)
        {
            return false;
        }

        int idStart = 0, idEnd = 0, dateStart = 0, dateEnd = 0, amountStart = 0, amountEnd = 0;
        var fieldStart = start;
        for (var field = 0; field <= _lastNeeded; field++)
        {
            var end = delimiters == 0 ? start + length : start + BitOperations.TrailingZeroCount(delimiters);
            delimiters &= unchecked(delimiters - 1);
            var (from, to) = blanks == 0 ? (fieldStart, end) : Trim(buffer, fieldStart, end);
            if (field == _idIndex)
            {
                (idStart, idEnd) = (from, to);
            }

            if (field == _dateIndex)
            {
                (dateStart, dateEnd) = (from, to);
            }

            if (field == _amountIndex)
            {
                (amountStart, amountEnd) = (from, to);
            }

            fieldStart = end + 1;
        }

        text = new RowText(idStart, idEnd - idStart, dateStart, dateEnd - dateStart, amountStart, amountEnd - amountStart);
        return TryParseValues(buffer, text, out ticks, out parsed);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParse(byte[] buffer, int start, int length, out RowText text, out long ticks, out ParsedAmount parsed)
    {
        int idStart = 0, idEnd = 0, dateStart = 0, dateEnd = 0, amountStart = 0, amountEnd = 0;
        text = default;
        parsed = default;
        ticks = 0;
        var field = 0;
        var fieldStart = start;
        var lineEnd = start + length;
        while (true)
        {
            var stop = buffer.AsSpan(fieldStart, lineEnd - fieldStart).IndexOfAny(_fieldStops);
            var end = stop < 0 ? lineEnd : fieldStart + stop;
            if (stop >= 0 && buffer[end] == '"')
            {
                return false;
            }

            if (field <= _lastNeeded)
            {
                var (from, to) = Trim(buffer, fieldStart, end);
                if (field == _idIndex)
                {
                    (idStart, idEnd) = (from, to);
                }

                if (field == _dateIndex)
                {
                    (dateStart, dateEnd) = (from, to);
                }

                if (field == _amountIndex)
                {
                    (amountStart, amountEnd) = (from, to);
                }
            }

            field++;
            if (stop < 0)
            {
                break;
            }

            fieldStart = end + 1;
        }

        text = new RowText(idStart, idEnd - idStart, dateStart, dateEnd - dateStart, amountStart, amountEnd - amountStart);
        return field == _fieldCount && TryParseValues(buffer, text, out ticks, out parsed);
    }

    // The common shapes (a plain ISO date, an amount of units) inline; anything else in a call of its own, so the hot
    // loop stays small enough to keep its values in registers.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryParseValues(byte[] buffer, in RowText text, out long ticks, out ParsedAmount parsed)
    {
        if (text.IdLength != 0 && _parser.IsoDates && FieldParser.TryParseIsoDate(buffer.AsSpan(text.DateStart, text.DateLength), out ticks)
            && _point != 0 && (TryParseShortAmount(buffer, text, out parsed) || ParsedAmount.TryParseUnits(buffer.AsSpan(text.AmountStart, text.AmountLength), _point, out parsed)))
        {
            return true;
        }

        return TryParseOtherValues(buffer, text, out ticks, out parsed);
    }

    // An amount of up to 8 characters with 8 bytes to read from its start (the rest of its line, or the next): one word.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryParseShortAmount(byte[] buffer, in RowText text, out ParsedAmount parsed)
    {
        if (unchecked((uint)(text.AmountLength - 1)) >= 8 || text.AmountStart > buffer.Length - sizeof(ulong))
        {
            parsed = default;
            return false;
        }

        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), text.AmountStart));
        word = BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
        return ParsedAmount.TryParseShortUnits(word, text.AmountLength, _points, out parsed);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryParseOtherValues(byte[] buffer, in RowText text, out long ticks, out ParsedAmount parsed)
    {
        parsed = default;
        if (text.IdLength == 0 || !_parser.TryParseTicks(buffer.AsSpan(text.DateStart, text.DateLength), out ticks))
        {
            ticks = 0;
            return false;
        }

        var amount = buffer.AsSpan(text.AmountStart, text.AmountLength);
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

    // The field between from and to without the spaces and tabs CsvHelper trims.
    private static (int From, int To) Trim(byte[] buffer, int from, int to)
    {
        while (from < to && buffer[from] is (byte)' ' or (byte)'\t')
        {
            from++;
        }

        while (to > from && buffer[to - 1] is (byte)' ' or (byte)'\t')
        {
            to--;
        }

        return (from, to);
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
                    _rows.Accept(id, source.Reader.GetSpan(_dateIndex), source.Reader.GetSpan(_amountIndex), timestamp.Ticks, ParsedAmount.From(amount), source.LineNumber - _lineBase.Value);
                }
            }
        }
        finally
        {
            _rows.AddReport(source);
        }
    }
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
