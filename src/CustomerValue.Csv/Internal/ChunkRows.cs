using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// What one reading thread does with the accepted rows of its part of the file, in file order: classifies each as the
/// in-memory builder would (blank id, after the as-of date, negative amount), keeps the issues with their lines, and
/// routes purchases and returns in record blocks to the table that owns the customer. Rows are counted per part;
/// indexes and lines become file-wide at the end.
/// </summary>
internal sealed class ChunkRows
{
    private readonly int _chunk;
    private readonly SummaryOptions _options;
    private readonly int _asOfDay;
    private readonly RecordBlock[] _blocks;
    private readonly Action<int, RecordBlock> _flush;
    private readonly Func<RecordBlock> _rent;
    private bool _exactSeen;
    private byte[] _fields = new byte[256];

    public ChunkRows(int chunk, SummaryOptions options, int owners, Func<RecordBlock> rent, Action<int, RecordBlock> flush)
    {
        _chunk = chunk;
        _options = options;
        _asOfDay = options.AsOf.DayNumber;
        _rent = rent;
        _flush = flush;
        _blocks = new RecordBlock[owners];
        for (var o = 0; o < owners; o++)
        {
            _blocks[o] = rent();
        }
    }

    /// <summary>Gets the rows read (accepted and rejected).</summary>
    public long RowsRead { get; set; }

    public long Accepted { get; private set; }

    /// <summary>Gets the lines passed so far in this part (the header not counted).</summary>
    public long Lines { get; set; }

    public List<CsvReject> Rejects { get; } = [];

    public int[] RejectCounts { get; } = new int[Enum.GetValues<CsvRejectReason>().Length];

    /// <summary>Gets the excluded rows, with their index and line within the part.</summary>
    public List<ExcludedRow> Issues { get; } = [];

    /// <summary>Gets the first row the options do not allow (strict summaries), with its index and line within the part.</summary>
    public ExcludedRow? Invalid { get; private set; }

    /// <summary>Gets whether every purchase and return amount fits units and their absolute total stays below <see cref="UnitMoney.MaxTotalUnits"/>.</summary>
    public bool UnitsFit => !_exactSeen;

    public long AbsoluteUnits { get; private set; }

    /// <summary>Takes an accepted row whose fields are in <paramref name="buffer"/>; after a row the strict summaries reject (<see cref="Invalid"/>), the reader must stop.</summary>
    /// <param name="buffer">The bytes the fields are in.</param>
    /// <param name="text">Where the id, the date and the amount are (the date and the amount as written, for messages).</param>
    /// <param name="ticks">The parsed date (and time), in <see cref="DateTime.Ticks"/>.</param>
    /// <param name="amount">The parsed amount.</param>
    /// <param name="line">The line within the part.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accept(byte[] buffer, in RowText text, long ticks, in ParsedAmount amount, long line)
    {
        // The common row (a purchase up to the as-of date, by an id of printable ASCII) takes this short way; the others
        // take AcceptOther, so the hot loop keeps its values in registers.
        var id = buffer.AsSpan(text.IdStart, text.IdLength);
        var idKey = IdKey.Of(id);
        var day = (int)(ticks / TimeSpan.TicksPerDay);
        if (day > _asOfDay || amount.IsExact || amount.Units < 0 || !idKey.IsPrintableAscii(id))
        {
            AcceptOther(buffer, text, ticks, amount, line);
            return;
        }

        unchecked
        {
            Accepted++;
            AbsoluteUnits = Math.Min(AbsoluteUnits + Math.Abs(amount.Units), UnitMoney.MaxTotalUnits);
        }

        _exactSeen |= AbsoluteUnits >= UnitMoney.MaxTotalUnits;
        var owner = _blocks.Length == 1 ? 0 : (int)(idKey.Hash >> 31);
        var block = _blocks[owner];
        block.Add(idKey, id, day, amount);
        if (block.IsFull)
        {
            _flush(owner, block);
            _blocks[owner] = _rent();
        }
    }

    /// <summary>Takes an accepted row whose fields come one by one (from the general reader).</summary>
    public void Accept(ReadOnlySpan<byte> id, ReadOnlySpan<byte> date, ReadOnlySpan<byte> amountText, long ticks, in ParsedAmount amount, long line)
    {
        var length = id.Length + date.Length + amountText.Length;
        if (_fields.Length < length)
        {
            _fields = new byte[Math.Max(length, 2 * _fields.Length)];
        }

        id.CopyTo(_fields);
        date.CopyTo(_fields.AsSpan(id.Length));
        amountText.CopyTo(_fields.AsSpan(id.Length + date.Length));
        Accept(_fields, new RowText(0, id.Length, id.Length, date.Length, id.Length + date.Length, amountText.Length), ticks, amount, line);
    }

    private void AcceptOther(byte[] buffer, in RowText fields, long ticks, in ParsedAmount amount, long line)
    {
        var id = buffer.AsSpan(fields.IdStart, fields.IdLength);
        var date = buffer.AsSpan(fields.DateStart, fields.DateLength);
        var amountText = buffer.AsSpan(fields.AmountStart, fields.AmountLength);
        var index = Accepted++;
        var day = (int)(ticks / TimeSpan.TicksPerDay);
        var timestamp = new DateTime(ticks, DateTimeKind.Unspecified);
        var isReturn = amount.IsReturn;
        string? text = null;

        // Ids of printable ASCII (nearly all) need no decoding; others may be blank to string.IsNullOrWhiteSpace, or invalid
        // UTF-8 whose decoded string (the customer) differs from the bytes.
        byte[]? normalised = null;
        var idKey = IdKey.Of(id);
        if (!idKey.IsPrintableAscii(id))
        {
            text = Encoding.UTF8.GetString(id);
            if (string.IsNullOrWhiteSpace(text))
            {
                Exclude(index, TransactionIssueReason.MissingCustomerId, rejected: true, text, timestamp, amount, line, text);
                return;
            }

            if (!Utf8.IsValid(id))
            {
                normalised = Encoding.UTF8.GetBytes(text);
            }
        }

        if (day > _asOfDay)
        {
            Exclude(index, TransactionIssueReason.AfterAsOfDate, rejected: false, text ?? Encoding.UTF8.GetString(id), timestamp, amount, line, Encoding.UTF8.GetString(date));
            return;
        }

        if (isReturn && _options.NegativeAmounts != NegativeAmountHandling.NetAsReturn)
        {
            var rejected = _options.NegativeAmounts == NegativeAmountHandling.Reject;
            Exclude(index, TransactionIssueReason.NegativeAmount, rejected, text ?? Encoding.UTF8.GetString(id), timestamp, amount, line, Encoding.UTF8.GetString(amountText));
            return;
        }

        if (amount.IsExact)
        {
            _exactSeen = true;
        }
        else
        {
            AbsoluteUnits = Math.Min(AbsoluteUnits + Math.Abs(amount.Units), UnitMoney.MaxTotalUnits);
            _exactSeen |= AbsoluteUnits >= UnitMoney.MaxTotalUnits;
        }

        var key = normalised ?? id;
        if (normalised is not null)
        {
            idKey = IdKey.Of(key);
        }

        var owner = _blocks.Length == 1 ? 0 : (int)(idKey.Hash >> 31);
        var block = _blocks[owner];
        if (isReturn)
        {
            block.AddReturn(idKey, key, day, amount, new PendingReturn(_chunk, checked((int)index), line, new Transaction(text ?? Encoding.UTF8.GetString(id), timestamp, amount.ToDecimal()), Encoding.UTF8.GetString(amountText)));
        }
        else
        {
            block.Add(idKey, key, day, amount);
        }

        if (block.IsFull)
        {
            _flush(owner, block);
            _blocks[owner] = _rent();
        }
    }

    /// <summary>Hands the partly filled blocks to their tables.</summary>
    public void Complete()
    {
        for (var o = 0; o < _blocks.Length; o++)
        {
            _flush(o, _blocks[o]);
        }
    }

    public void AddReport(RecordSource source)
    {
        RowsRead += source.RowsRead;
        Rejects.AddRange(source.Rejects);
        for (var r = 0; r < RejectCounts.Length; r++)
        {
            RejectCounts[r] += source.RejectCounts[r];
        }
    }

    private void Exclude(long index, TransactionIssueReason reason, bool rejected, string id, DateTime timestamp, in ParsedAmount amount, long line, string value)
    {
        var excluded = new ExcludedRow(new TransactionIssue(checked((int)index), reason, new Transaction(id, timestamp, amount.ToDecimal())), line, value);
        if (rejected && _options.InvalidTransactions == InvalidTransactionHandling.Throw)
        {
            Invalid ??= excluded;
            return;
        }

        Issues.Add(excluded);
    }
}

/// <summary>Where a row's id, date and amount are in the bytes of its line (each trimmed).</summary>
internal readonly record struct RowText(int IdStart, int IdLength, int DateStart, int DateLength, int AmountStart, int AmountLength);

/// <summary>A row the summaries excluded: the issue (index within the part), its line within the part, and the text of the field the reason is about.</summary>
internal sealed record ExcludedRow(TransactionIssue Issue, long Line, string Value);
