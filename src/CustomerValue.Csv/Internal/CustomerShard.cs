using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// The per-customer state of a streaming summary for the customers whose id hash routes to this shard: an
/// open-addressing table keyed by the UTF-8 id bytes (strings are made only for the output, in id order), running totals,
/// and each customer's distinct periods, which frequency needs (up to 16 in a set of 32 bytes, then a bitmap of the last
/// 1,024 periods before the as-of date, and a compacted log for older ones). Memory grows with customers, never with
/// rows. A shard is small, so a batch of its rows finds its memory within reach of the address cache. Not thread-safe.
/// </summary>
/// <remarks>
/// Money is summed as longs of 0.0001 with, per sum, a mask of the scales that went in, so the end can rebuild the
/// exact decimal (value and scale) the in-memory builder's decimal path would hold. Amounts outside that range, and any
/// amount once the shard's absolute total nears the long range, go into exact decimal sums kept per customer.
/// What every purchase touches fits one 64-byte <see cref="Customer"/>, on a cache line of its own; the growth windows,
/// returns and long ids are in a second array that only some rows reach. Revenue is not kept: it is the first-period,
/// repeat and return sums.
/// </remarks>
internal sealed class CustomerShard
{
    private const int FirstPeriod = 0;
    private const int Repeat = 1;
    private const int Window = 2;
    private const int Previous = 3;
    private const int Returned = 4;
    private const long MaxAbsoluteUnits = 1L << 62;
    private const int SetPeriods = 16;

    /// <summary>An empty place in a period set; a set holds periods fewer than this before the as-of period.</summary>
    private const ushort NoPeriod = ushort.MaxValue;
    private const int SpilledFlag = 1 << 8;
    private const int ExactFlag = 1 << 9;
    private const int MaxStackId = 256;
    private const int BitmapPeriods = 1024;

    private readonly SummarySettings _settings;
    private readonly int _windowStart;
    private readonly int _asOfPeriod;
    private readonly PeriodLog _periods = new();
    private readonly PeriodLog? _days;
    private readonly List<(int Customer, PendingReturn Return)> _pending = [];
    private readonly List<ExactTotals> _exact = [];
    private readonly RecordArray<Customer> _customers = new();
    private readonly RecordArray<CustomerExtra> _extras = new();

    /// <summary>Each customer's period bitmap plus one, or 0 before it has one; small, so the bitmap's line can be asked for before the customer is read.</summary>
    private readonly RecordArray<int> _bitmapOf = new();

    /// <summary>Each customer's periods until a 17th gives it a bitmap.</summary>
    private RecordArray<PeriodSet> _sets = new();

    /// <summary>Open addressing: each used slot holds a customer's id hash (high half) and number plus one (low half).</summary>
    private ulong[] _slots = new ulong[256];

    /// <summary>The customer of each row of the batch being applied.</summary>
    private int[] _batch = [];
    private RecordArray<PeriodBits> _bitmaps = new();
    private readonly KeyArena _keys = new(1024);
    private int _count;
    private int _bitmapCount;
    private long _absoluteUnits;

    public CustomerShard(SummarySettings settings)
    {
        _settings = settings;
        _asOfPeriod = settings.Weekly ? settings.AsOfDay / 7 : settings.AsOfDay;
        _windowStart = _asOfPeriod - BitmapPeriods + 1;
        _days = settings.Weekly && settings.CountPurchaseDays ? new PeriodLog() : null;
    }

    public int Returns { get; private set; }

    /// <summary>Gets the number of leading bytes every id in the shard shares (measured as ids arrive, while they are in cache).</summary>
    public int SharedPrefix { get; private set; }

    /// <summary>
    /// Gets whether the byte order of every id is its ordinal string order: UTF-8 orders by code point, UTF-16 code units
    /// by code point too below U+E000 (lead bytes under 0xEE), and a decoding replacement (EF BF BD) takes the other route.
    /// </summary>
    public bool BytesInOrdinalOrder { get; private set; } = true;

    /// <summary>Gets the number of customers with at least one purchase (after <see cref="CountPeriods"/>).</summary>
    public int Purchasers { get; private set; }

    /// <summary>
    /// Applies a batch of rows in two passes. The first finds each row's customer by the hash kept in the slots (adding
    /// the new ones); the slots are small enough to stay in cache, and no customer is read. The second updates the
    /// customers, asking the cache a few rows ahead for exactly the lines each row will touch (customer, growth
    /// windows, period bitmap), so their misses overlap instead of following one another.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(RecordBlock block)
    {
        const int slotsAhead = 32;
        const int ahead = 8;
        var records = block.Records.AsSpan(0, block.Count);
        if (_batch.Length < records.Length)
        {
            _batch = new int[Math.Max(records.Length, 2 * _batch.Length)];
        }

        var customers = _batch.AsSpan(0, records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            if (i + slotsAhead < records.Length)
            {
                Prefetch.Line(ref _slots[Slot(records[i + slotsAhead].Id.Hash)]);
            }

            customers[i] = Candidate(records[i], block);
        }

        for (var i = 0; i < records.Length; i++)
        {
            if (i + (2 * ahead) < records.Length)
            {
                Prefetch.Line(ref _bitmapOf[customers[i + (2 * ahead)]]);
            }

            if (i + ahead < records.Length)
            {
                PrefetchTotals(records[i + ahead], customers[i + ahead]);
            }

            ref readonly var record = ref records[i];
            var customer = customers[i];
            if (!SameId(customer, record, block))
            {
                customer = FindOrAdd(record, block);
            }

            var (units, scaleBit, exact) = Amount(record, block);
            ref var totals = ref _customers[customer];
            if ((record.Flags & RecordBlock.ReturnFlag) != 0)
            {
                Returns = checked(Returns + 1);
                if (totals.Orders == 0)
                {
                    _pending.Add((customer, block.Returns[record.Extra]));
                }

                AddMoney(customer, ref totals, Returned, units, scaleBit, exact);
                AddToWindows(customer, ref totals, record.Day, units, scaleBit, exact);
                continue;
            }

            var day = record.Day;
            var period = _settings.Weekly ? day / 7 : day;
            if (totals.Orders == 0)
            {
                totals.FirstDay = day;
                totals.LastDay = day;
                SetFirstPeriod(customer, ref totals, units, scaleBit, exact);
            }
            else
            {
                var firstPeriod = _settings.Weekly ? totals.FirstDay / 7 : totals.FirstDay;
                totals.FirstDay = Math.Min(totals.FirstDay, day);
                totals.LastDay = Math.Max(totals.LastDay, day);

                // Spend after the first period, as the in-memory builder sums it: exact sums do not depend on the order.
                if (period < firstPeriod)
                {
                    MoveFirstPeriodToRepeat(customer, ref totals);
                    SetFirstPeriod(customer, ref totals, units, scaleBit, exact);
                }
                else if (period == firstPeriod)
                {
                    AddMoney(customer, ref totals, FirstPeriod, units, scaleBit, exact);
                }
                else
                {
                    AddMoney(customer, ref totals, Repeat, units, scaleBit, exact);
                }
            }

            totals.Orders = checked(totals.Orders + 1);
            AddToWindows(customer, ref totals, day, units, scaleBit, exact);
            AddPeriod(ref totals, customer, period);
            _days?.Add(customer, day);
        }
    }

    /// <summary>Gets the number of customers, purchasers or not.</summary>
    public int Count => _count;

    /// <summary>Returns whether customer <paramref name="customer"/> has a purchase.</summary>
    public bool IsPurchaser(int customer) => _customers[customer].Orders > 0;

    /// <summary>Compares the id of customer <paramref name="a"/> with that of customer <paramref name="b"/> of <paramref name="other"/>, byte by byte.</summary>
    public int Compare(int a, CustomerShard other, int b)
    {
        Span<byte> left = stackalloc byte[MaxStackId];
        Span<byte> right = stackalloc byte[MaxStackId];
        return IdBytes(a, left).SequenceCompareTo(other.IdBytes(b, right));
    }

    /// <summary>Hints the cache to load what <see cref="Set"/> and <see cref="AppendId"/> read for customer <paramref name="customer"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PrefetchTotals(int customer)
    {
        Prefetch.Line(ref _customers[customer]);
        Prefetch.Line(ref _extras[customer]);
    }

    /// <summary>Appends the UTF-8 id of customer <paramref name="c"/> to <paramref name="bytes"/> at <paramref name="used"/> (growing it when needed) and returns where it ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int AppendId(int c, ref byte[] bytes, int used)
    {
        KeyArena.EnsureRoom(ref bytes, used, _customers[c].Length);
        return used + IdBytes(c, bytes.AsSpan(used)).Length;
    }

    /// <summary>Sets customer <paramref name="c"/> as number <paramref name="index"/> of an assembler that orders the ids itself.</summary>
    /// <param name="assembler">The assembler.</param>
    /// <param name="index">The customer's number in the assembler.</param>
    /// <param name="c">The customer.</param>
    /// <param name="unitsFit">Whether the whole log fits units, in which case the in-memory builder sums in units (scale 4) and so must this.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(SummaryAssembler assembler, int index, int c, bool unitsFit)
    {
        ref readonly var totals = ref _customers[c];
        ref readonly var extra = ref _extras[c];
        var revenueUnits = totals.First + totals.Repeat + extra.Returned;
        if (unitsFit)
        {
            assembler.SetUnits(index, totals.Orders, totals.FirstDay, totals.LastDay, totals.Counted[0], totals.Counted[1], revenueUnits, extra.Window, extra.Previous, totals.Repeat);
            return;
        }

        var exact = (totals.PeriodState & ExactFlag) != 0 ? _exact[extra.Exact].Sums : null;
        var revenueMask = Mask(totals.Scales, FirstPeriod) | Mask(totals.Scales, Repeat) | Mask(totals.Scales, Returned);
        var revenueExact = exact is null ? (decimal?)null : exact[FirstPeriod] + exact[Repeat] + exact[Returned];
        assembler.Set(
            index, totals.Orders, totals.FirstDay, totals.LastDay, totals.Counted[0], totals.Counted[1],
            Money(revenueUnits, revenueMask, revenueExact),
            Money(extra.Window, Mask(totals.Scales, Window), exact?[Window]),
            Money(extra.Previous, Mask(totals.Scales, Previous), exact?[Previous]),
            Money(totals.Repeat, Mask(totals.Scales, Repeat), exact?[Repeat]));
    }

    /// <summary>Counts each customer's distinct periods (and days) and lets the logs go, before the output is allocated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CountPeriods()
    {
        var periods = new int[_count];
        var purchasers = 0;
        for (var c = 0; c < _count; c++)
        {
            ref readonly var totals = ref _customers[c];
            purchasers += totals.Orders > 0 ? 1 : 0;
            if ((totals.PeriodState & SpilledFlag) != 0)
            {
                ref readonly var bits = ref _bitmaps[_bitmapOf[c] - 1];
                var count = 0;
                foreach (var word in bits)
                {
                    count += BitOperations.PopCount(word);
                }

                periods[c] = count;
            }
            else
            {
                periods[c] = totals.PeriodState & 0xFF;
            }
        }

        // Nothing is added from here on: the period stores and the look-up go back before the output is allocated.
        (_bitmaps, _sets, _slots, _batch) = (new(), new(), [], []);
        Purchasers = purchasers;
        _periods.CountDistinct(periods);
        var days = periods;
        if (_days is not null)
        {
            days = new int[_count];
            _days.CountDistinct(days);
        }

        // The counts go where the periods were, so writing the output reads the customer and its extras only.
        for (var c = 0; c < _count; c++)
        {
            ref var totals = ref _customers[c];
            totals.Counted[0] = periods[c];
            totals.Counted[1] = days[c];
        }
    }

    /// <summary>Returns the netted returns of customers who never purchased, which the summaries report as issues.</summary>
    public IEnumerable<PendingReturn> ReturnsWithoutPurchase()
    {
        foreach (var (customer, pending) in _pending)
        {
            if (_customers[customer].Orders == 0)
            {
                yield return pending;
            }
        }
    }

    /// <summary>Returns the 8 id bytes after <paramref name="prefix"/>, big-endian and zero-padded, so keys order as the ids do (ties aside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong OrderKey(int c, int prefix)
    {
        ref readonly var customer = ref _customers[c];
        if (customer.Length <= 16 || prefix + 8 <= 16)
        {
            if (prefix >= 16)
            {
                return 0;
            }

            var bytes = (((UInt128)customer.Prefix1 << 64) | customer.Prefix0) >> (8 * prefix);
            return BinaryPrimitives.ReverseEndianness(unchecked((ulong)bytes));
        }

        Span<byte> id = stackalloc byte[MaxStackId];
        var all = IdBytes(c, id);
        Span<byte> window = stackalloc byte[8];
        window.Clear();
        if (prefix < all.Length)
        {
            all[prefix..Math.Min(all.Length, prefix + 8)].CopyTo(window);
        }

        return BinaryPrimitives.ReadUInt64BigEndian(window);
    }

    /// <summary>Returns the id's UTF-8 bytes, in <paramref name="buffer"/> when they fit it (longer ids are rare, and only ties and prefixes read them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> IdBytes(int c, Span<byte> buffer)
    {
        ref readonly var customer = ref _customers[c];
        var bytes = customer.Length <= buffer.Length ? buffer[..customer.Length] : new byte[customer.Length];
        Span<byte> prefix = stackalloc byte[16];
        IdKey.WritePrefix(customer.Prefix0, customer.Prefix1, prefix);
        prefix[..Math.Min(16, customer.Length)].CopyTo(bytes);
        if (customer.Length > 16)
        {
            _keys.Get(_extras[c].KeyOffset, customer.Length - 16).CopyTo(bytes[16..]);
        }

        return bytes;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string IdString(int c)
    {
        ref readonly var customer = ref _customers[c];
        if (customer.Length <= 16 && ((customer.Prefix0 | customer.Prefix1) & 0x8080808080808080UL) == 0)
        {
            // ASCII in the prefix: each byte is a char, widened in two vector steps with no decoding to check (and no
            // generic string.Create, whose instantiation would run unoptimised for most of a one-off import).
            var (low, high) = Vector128.Widen(Vector128.Create(customer.Prefix0, customer.Prefix1).AsByte());
            Span<ushort> chars = stackalloc ushort[16];
            low.CopyTo(chars);
            high.CopyTo(chars[8..]);
            return new string(MemoryMarshal.Cast<ushort, char>(chars[..customer.Length]));
        }

        Span<byte> buffer = stackalloc byte[MaxStackId];
        return Encoding.UTF8.GetString(IdBytes(c, buffer));
    }

    private static int Mask(int scales, int field) => (scales >> (5 * field)) & 31;

    private static int HighestScale(int mask) => 31 - BitOperations.LeadingZeroCount((uint)mask);

    // The exact decimal the in-memory builder holds when the log does not fit units: the units sum at its highest scale plus the exact part.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static decimal Money(long units, int mask, decimal? exact)
    {
        if (mask == 0)
        {
            return exact ?? 0m;
        }

        var sum = ParsedAmount.UnitsToDecimal(units, HighestScale(mask), units < 0);
        return exact is { } value ? sum + value : sum;
    }

    private int Slot(uint hash) => (int)(hash >> 1) & (_slots.Length - 1);

    // The customer a row's hash points to (a hash collision is caught when the row is applied), or a new customer.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Candidate(in RowRecord record, RecordBlock block)
    {
        var hash = record.Id.Hash;
        var mask = _slots.Length - 1;
        var slot = (int)(hash >> 1) & mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return Add(record, block, slot);
            }

            if ((uint)(entry >> 32) == hash)
            {
                return unchecked((int)(uint)entry - 1);
            }

            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SameId(int c, in RowRecord record, RecordBlock block)
    {
        ref readonly var customer = ref _customers[c];
        ref readonly var id = ref record.Id;
        return customer.Prefix0 == id.Prefix0 && customer.Prefix1 == id.Prefix1 && customer.Length == id.Length
            && (id.Length <= 16 || block.KeyRest(record).SequenceEqual(_keys.Get(_extras[c].KeyOffset, id.Length - 16)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PrefetchTotals(in RowRecord record, int c)
    {
        Prefetch.Line(ref _customers[c]);
        if (record.Day >= _settings.PreviousWindowStart || (record.Flags & RecordBlock.ReturnFlag) != 0 || record.Id.Length > 16)
        {
            Prefetch.Line(ref _extras[c]);
        }

        var bitmap = _bitmapOf[c] - 1;
        var offset = (_settings.Weekly ? record.Day / 7 : record.Day) - _windowStart;
        if (bitmap < 0)
        {
            Prefetch.Line(ref _sets[c]);
        }
        else if (unchecked((uint)offset) < BitmapPeriods)
        {
            Prefetch.Line(ref _bitmaps[bitmap][offset >> 6]);
        }
    }

    // Up to 16 distinct periods live in a set of 32 bytes, checked with one vector comparison (87% of the customers of the
    // benchmark's three-year log stay there); a 17th gives the customer a bitmap of 128 bytes. Periods too old for a set go to the log.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddPeriod(ref Customer totals, int customer, int period)
    {
        if ((totals.PeriodState & SpilledFlag) != 0)
        {
            SetPeriod(_bitmapOf[customer] - 1, customer, period);
            return;
        }

        var offset = _asOfPeriod - period;
        if (unchecked((uint)offset) >= NoPeriod)
        {
            _periods.Add(customer, period);
            return;
        }

        Span<ushort> set = _sets[customer];
        if (Vector256.EqualsAny(Vector256.Create<ushort>(set), Vector256.Create((ushort)offset)))
        {
            return;
        }

        var count = totals.PeriodState & 0xFF;
        if (count < SetPeriods)
        {
            set[count] = (ushort)offset;
            totals.PeriodState++;
            return;
        }

        _bitmaps.EnsureCapacity(_bitmapCount + 1);
        var bitmap = _bitmapCount++;
        _bitmaps[bitmap] = default;
        foreach (var old in set)
        {
            SetPeriod(bitmap, customer, _asOfPeriod - old);
        }

        SetPeriod(bitmap, customer, period);
        _bitmapOf[customer] = bitmap + 1;
        totals.PeriodState = (totals.PeriodState & ~0xFF) | SpilledFlag;
    }

    // Periods older than the bitmap's window (rare: more than 1,024 periods before the as-of date) go to the log.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetPeriod(int bitmap, int customer, int period)
    {
        var offset = period - _windowStart;
        if (unchecked((uint)offset) < BitmapPeriods)
        {
            _bitmaps[bitmap][offset >> 6] |= 1UL << offset;
        }
        else
        {
            _periods.Add(customer, period);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (long Units, int ScaleBit, decimal Exact) Amount(in RowRecord record, RecordBlock block)
    {
        if ((record.Flags & RecordBlock.ExactFlag) != 0)
        {
            return (0, 0, block.Exacts[(int)record.Amount]);
        }

        var units = record.Amount;
        var scaleBit = record.Flags & (RecordBlock.ExactFlag - 1);
        if (_absoluteUnits + Math.Abs(units) < MaxAbsoluteUnits)
        {
            // Every sum in this table stays below the table's absolute total, so no long sum can overflow.
            _absoluteUnits += Math.Abs(units);
            return (units, scaleBit, 0);
        }

        return (0, 0, ParsedAmount.UnitsToDecimal(units, HighestScale(scaleBit), units < 0));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddToWindows(int customer, ref Customer totals, int day, long units, int scaleBit, decimal exact)
    {
        if (day >= _settings.WindowStart)
        {
            AddMoney(customer, ref totals, Window, units, scaleBit, exact);
        }
        else if (day >= _settings.PreviousWindowStart)
        {
            AddMoney(customer, ref totals, Previous, units, scaleBit, exact);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddMoney(int customer, ref Customer totals, int field, long units, int scaleBit, decimal exact)
    {
        if (scaleBit == 0)
        {
            ExactOf(customer, ref totals).Sums[field] += exact;
            return;
        }

        totals.Scales |= scaleBit << (5 * field);
        switch (field)
        {
            case FirstPeriod:
                totals.First += units;
                break;
            case Repeat:
                totals.Repeat += units;
                break;
            case Window:
                _extras[customer].Window += units;
                break;
            case Previous:
                _extras[customer].Previous += units;
                break;
            default:
                _extras[customer].Returned += units;
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SetFirstPeriod(int customer, ref Customer totals, long units, int scaleBit, decimal exact)
    {
        totals.First = 0;
        totals.Scales &= ~(31 << (5 * FirstPeriod));
        if ((totals.PeriodState & ExactFlag) != 0)
        {
            _exact[_extras[customer].Exact].Sums[FirstPeriod] = 0;
        }

        AddMoney(customer, ref totals, FirstPeriod, units, scaleBit, exact);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MoveFirstPeriodToRepeat(int customer, ref Customer totals)
    {
        totals.Repeat += totals.First;
        totals.Scales |= Mask(totals.Scales, FirstPeriod) << (5 * Repeat);
        if ((totals.PeriodState & ExactFlag) != 0)
        {
            var sums = _exact[_extras[customer].Exact].Sums;
            sums[Repeat] += sums[FirstPeriod];
        }
    }

    private ExactTotals ExactOf(int customer, ref Customer totals)
    {
        if ((totals.PeriodState & ExactFlag) == 0)
        {
            _exact.Add(new ExactTotals());
            _extras[customer].Exact = _exact.Count - 1;
            totals.PeriodState |= ExactFlag;
        }

        return _exact[_extras[customer].Exact];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    // The row's customer, comparing whole ids: for the rare row whose hash is another id's too.
    private int FindOrAdd(in RowRecord record, RecordBlock block)
    {
        var hash = record.Id.Hash;
        var mask = _slots.Length - 1;
        var slot = (int)(hash >> 1) & mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return Add(record, block, slot);
            }

            var c = unchecked((int)(uint)entry - 1);
            if ((uint)(entry >> 32) == hash && SameId(c, record, block))
            {
                return c;
            }

            slot = (slot + 1) & mask;
        }
    }

    // A million customers pass here within the first second, so it is compiled optimised from the start.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Add(in RowRecord record, RecordBlock block, int slot)
    {
        _customers.EnsureCapacity(_count + 1);
        _extras.EnsureCapacity(_count + 1);
        _bitmapOf.EnsureCapacity(_count + 1);
        _sets.EnsureCapacity(_count + 1);

        // Only ids longer than the 16 bytes kept in the customer need the rest stored.
        ref readonly var id = ref record.Id;
        var rest = id.Length > 16 ? block.KeyRest(record) : default;
        _customers[_count] = new Customer { Prefix0 = id.Prefix0, Prefix1 = id.Prefix1, Length = id.Length };
        _extras[_count] = new CustomerExtra { KeyOffset = rest.IsEmpty ? 0 : _keys.Append(rest) };
        _bitmapOf[_count] = 0;
        Vector256.Create(NoPeriod).StoreUnsafe(ref _sets[_count][0]);
        SharedPrefix = _count == 0 ? id.Length : Math.Min(SharedPrefix, SharedWithFirst(_count));
        if (((id.Prefix0 | id.Prefix1) & 0x8080808080808080UL) != 0 || rest.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) >= 0)
        {
            Span<byte> buffer = stackalloc byte[MaxStackId];
            BytesInOrdinalOrder &= IdBytes(_count, buffer).IndexOfAnyInRange((byte)0xEE, (byte)0xFF) < 0;
        }

        _slots[slot] = ((ulong)id.Hash << 32) | (uint)++_count;
        if (2 * _count > _slots.Length)
        {
            Rehash();
        }

        return _count - 1;
    }

    // The bytes the id of customer c shares with the first id: for ids of up to 16 bytes, from their prefixes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SharedWithFirst(int c)
    {
        ref readonly var first = ref _customers[0];
        ref readonly var customer = ref _customers[c];
        if (customer.Length > 16 || first.Length > 16)
        {
            Span<byte> mine = stackalloc byte[MaxStackId];
            Span<byte> theirs = stackalloc byte[MaxStackId];
            return IdBytes(c, mine).CommonPrefixLength(IdBytes(0, theirs));
        }

        var low = customer.Prefix0 ^ first.Prefix0;
        var same = low != 0 ? BitOperations.TrailingZeroCount(low) / 8 : 8 + (BitOperations.TrailingZeroCount(customer.Prefix1 ^ first.Prefix1) / 8);
        return Math.Min(same, Math.Min(customer.Length, first.Length));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    // The slots keep each customer's hash, so growing them reads no customer.
    private void Rehash()
    {
        var slots = new ulong[_slots.Length * 2];
        var mask = slots.Length - 1;
        foreach (var entry in _slots)
        {
            if (entry != 0)
            {
                var slot = (int)((uint)(entry >> 32) >> 1) & mask;
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                slots[slot] = entry;
            }
        }

        _slots = slots;
    }

    /// <summary>A customer's periods in the window before the as-of date, one bit each: 128 bytes, two cache lines.</summary>
    [InlineArray(BitmapPeriods / 64)]
    private struct PeriodBits
    {
        private ulong _element;
    }

    /// <summary>A customer's periods as their distance before the as-of period, <see cref="NoPeriod"/> where unused: 32 bytes, half a cache line.</summary>
    [InlineArray(SetPeriods)]
    private struct PeriodSet
    {
        private ushort _element;
    }

    [InlineArray(2)]
    private struct Counts
    {
        private int _element;
    }

    /// <summary>What every purchase reads and writes: 64 bytes.</summary>
    private struct Customer
    {
        /// <summary>The first 16 bytes of the id, zero-padded.</summary>
        public ulong Prefix0;
        public ulong Prefix1;
        public int Length;
        public int Orders;
        public int FirstDay;
        public int LastDay;

        /// <summary>Five 5-bit masks, one per money sum, of the decimal scales (0..4) summed into it.</summary>
        public int Scales;

        /// <summary>The number of periods in the customer's set, or <see cref="SpilledFlag"/> once they went to a bitmap; plus <see cref="ExactFlag"/> once exact sums exist.</summary>
        public int PeriodState;
        public long First;
        public long Repeat;

        /// <summary>After counting, the customer's numbers of distinct periods and days (kept here, so writing the output reads two lines a customer).</summary>
        public Counts Counted;
    }

    /// <summary>What only some rows touch: the growth windows, returns, exact sums and the rest of a long id.</summary>
    private struct CustomerExtra
    {
        public long Window;
        public long Previous;
        public long Returned;
        public int Exact;
        public int KeyOffset;
    }

    private sealed class ExactTotals
    {
        public decimal[] Sums { get; } = new decimal[5];
    }

    /// <summary>
    /// (customer, period) pairs appended in any order, sorted and freed of duplicates whenever the appended part fills the
    /// scratch buffer (a quarter of the log) or the log, so memory stays within about 1.7 to 3.3 times the distinct pairs
    /// while every append is a sequential write.
    /// </summary>
    private sealed class PeriodLog
    {
        // Day numbers stay below 2^22 (3,652,059 days to 9999-12-31).
        private const int PeriodBits = 22;
        private const int DigitBits = 11;
        // Small at first: 256 shards each hold a log, and most logs stay short (with sets, only customers of more than
        // 16 periods write old periods here).
        private ulong[] _pairs = new ulong[1 << 8];
        private ulong[] _scratch = new ulong[1 << 6];
        private int _unique;
        private int _count;

        public void Add(int customer, int period)
        {
            if (_count == _pairs.Length || _count - _unique == _scratch.Length)
            {
                Compact();
            }

            _pairs[_count++] = ((ulong)(uint)customer << PeriodBits) | (uint)period;
        }

        /// <summary>Adds each customer's number of distinct periods to <paramref name="counts"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void CountDistinct(int[] counts)
        {
            Compact();
            foreach (var pair in _pairs.AsSpan(0, _unique))
            {
                counts[(int)(pair >> PeriodBits)]++;
            }

            // The log is done: its memory goes back before the output is built.
            (_pairs, _scratch, _unique, _count) = ([], [], 0, 0);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Compact()
        {
            var tail = _count - _unique;
            // Sort the appended part into the scratch buffer, then merge it with the sorted part from the back, in place.
            var sorted = Sort(_pairs.AsSpan(_unique, tail), _scratch.AsSpan(0, tail));
            if (sorted.Overlaps(_pairs))
            {
                // The merge writes where the appended part is, so it must read that part from elsewhere.
                sorted.CopyTo(_scratch);
                sorted = _scratch.AsSpan(0, tail);
            }

            int i = _unique - 1, j = tail - 1, k = _count - 1;
            while (j >= 0)
            {
                _pairs[k--] = i >= 0 && _pairs[i] > sorted[j] ? _pairs[i--] : sorted[j--];
            }

            var unique = 0;
            for (var r = 0; r < _count; r++)
            {
                if (unique == 0 || _pairs[r] != _pairs[unique - 1])
                {
                    _pairs[unique++] = _pairs[r];
                }
            }

            (_unique, _count) = (unique, unique);
            if (4 * unique > 3 * _pairs.Length)
            {
                Array.Resize(ref _pairs, _pairs.Length * 2);
                _scratch = new ulong[_pairs.Length / 4];
            }
        }

        // LSD radix sort on 11-bit digits, skipping digits every key shares; returns whichever buffer holds the result.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static Span<ulong> Sort(Span<ulong> keys, Span<ulong> buffer)
        {
            Span<int> counts = stackalloc int[1 << DigitBits];
            var from = keys;
            var to = buffer;
            for (var shift = 0; shift < 64; shift += DigitBits)
            {
                counts.Clear();
                foreach (var key in from)
                {
                    counts[(int)((key >> shift) & ((1 << DigitBits) - 1))]++;
                }

                if (from.IsEmpty || counts[(int)((from[0] >> shift) & ((1 << DigitBits) - 1))] == from.Length)
                {
                    continue;
                }

                var sum = 0;
                for (var v = 0; v < counts.Length; v++)
                {
                    (counts[v], sum) = (sum, sum + counts[v]);
                }

                foreach (var key in from)
                {
                    to[counts[(int)((key >> shift) & ((1 << DigitBits) - 1))]++] = key;
                }

                var next = to;
                to = from;
                from = next;
            }

            return from;
        }
    }
}
