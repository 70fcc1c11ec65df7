using System.Runtime.CompilerServices;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// The customers one reading thread owns, in 128 shards by id hash. Rows are queued per shard and applied a batch at a
/// time, shard after shard: a million customers' state is far larger than the address translation cache covers, and a
/// row that jumps to any of it costs a page walk besides the memory access, while a shard (a few thousand customers)
/// stays within reach for the whole of its part of the batch. Not thread-safe: one thread owns it.
/// </summary>
internal sealed class CustomerTable
{
    private const int ShardBits = 7;
    private const int Shards = 1 << ShardBits;

    /// <summary>The bits of a customer's number within its shard; the shard is in the bits above.</summary>
    private const int IndexBits = 22;
    private const int BatchRecords = 1 << 18;

    /// <summary>
    /// A shard's share of a full batch (a batch ends after the block that reaches <see cref="BatchRecords"/>) plus about
    /// seven standard deviations: a queue that outgrows its first 256 records grows to this at once, rather than
    /// doubling its way there and leaving each smaller array behind (with a million customers, half the memory the
    /// queues ever allocate).
    /// </summary>
    private const int ExpectedQueue = (BatchRecords + RecordBlock.TransferCapacity) / Shards * 9 / 8;

    private readonly CustomerShard[] _shards = new CustomerShard[Shards];
    private RecordBlock[] _queues = new RecordBlock[Shards];
    private int _queued;

    public CustomerTable(SummarySettings settings)
    {
        for (var s = 0; s < Shards; s++)
        {
            _shards[s] = new CustomerShard(settings);
            _queues[s] = new RecordBlock(256, ExpectedQueue);
        }
    }

    public int Returns => Sum(s => s.Returns);

    /// <summary>Gets the number of customers with at least one purchase (after <see cref="CountPeriods"/>).</summary>
    public int Purchasers => Sum(s => s.Purchasers);

    /// <summary>Gets whether the byte order of every id is its ordinal string order (see <see cref="CustomerShard.BytesInOrdinalOrder"/>).</summary>
    public bool BytesInOrdinalOrder => _shards.All(s => s.BytesInOrdinalOrder);

    /// <summary>Gets the number of leading bytes every id in the table shares (after <see cref="Flush"/>).</summary>
    public int SharedPrefix
    {
        get
        {
            var prefix = int.MaxValue;
            foreach (var shard in _shards)
            {
                if (shard.Count > 0)
                {
                    prefix = Math.Min(Math.Min(prefix, shard.SharedPrefix), SharedPrefixWith(this, shard));
                }
            }

            return prefix;
        }
    }

    /// <summary>Queues the records of <paramref name="block"/> by shard; a full batch is applied at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(RecordBlock block)
    {
        var records = block.Records.AsSpan(0, block.Count);
        for (var i = 0; i < records.Length; i++)
        {
            _queues[ShardOf(records[i].Id.Hash)].CopyFrom(block, i);
        }

        _queued += records.Length;
        if (_queued >= BatchRecords)
        {
            Flush();
        }
    }

    /// <summary>Applies the queued records, shard after shard.</summary>
    public void Flush()
    {
        for (var s = 0; s < _queues.Length; s++)
        {
            if (_queues[s].Count > 0)
            {
                _shards[s].Add(_queues[s]);
                _queues[s].Clear();
            }
        }

        _queued = 0;
    }

    /// <summary>Counts each customer's distinct periods; call after the last <see cref="Flush"/>, as it lets the queues go.</summary>
    public void CountPeriods()
    {
        _queues = [];
        foreach (var shard in _shards)
        {
            shard.CountPeriods();
        }
    }

    /// <summary>Returns the netted returns of customers who never purchased, which the summaries report as issues.</summary>
    public IEnumerable<PendingReturn> ReturnsWithoutPurchase() => _shards.SelectMany(s => s.ReturnsWithoutPurchase());

    /// <summary>Returns how many leading bytes the first ids of two tables share (both hold a customer).</summary>
    public int SharedPrefixWith(CustomerTable other) => SharedPrefixWith(this, other._shards.First(s => s.Count > 0));

    /// <summary>
    /// Returns the purchasers in ordinal id order (when <see cref="BytesInOrdinalOrder"/>): each one's key (the 8 bytes after
    /// <paramref name="prefix"/>, big-endian) and number (shard and index), sorted by key and equal keys by the whole id.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (ulong[] Keys, int[] Customers) SortPurchasers(int prefix)
    {
        var keys = GC.AllocateUninitializedArray<ulong>(Purchasers);
        var customers = GC.AllocateUninitializedArray<int>(Purchasers);
        var n = 0;
        for (var s = 0; s < Shards; s++)
        {
            var shard = _shards[s];
            for (var c = 0; c < shard.Count; c++)
            {
                if (shard.IsPurchaser(c))
                {
                    keys[n] = shard.OrderKey(c, prefix);
                    customers[n++] = Number(s, c);
                }
            }
        }

        CustomerIdKeys.SortByKey(keys, customers, (a, b) => Compare(a, this, b));
        return (keys, customers);
    }

    /// <summary>Compares the ids of customer <paramref name="a"/> and customer <paramref name="b"/> of <paramref name="other"/>, byte by byte.</summary>
    public int Compare(int a, CustomerTable other, int b)
        => _shards[a >> IndexBits].Compare(a & ((1 << IndexBits) - 1), other._shards[b >> IndexBits], b & ((1 << IndexBits) - 1));

    /// <summary>Hints the cache to load what <see cref="Write"/> reads for customer <paramref name="customer"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchTotals(int customer) => _shards[customer >> IndexBits].PrefetchTotals(customer & ((1 << IndexBits) - 1));

    /// <summary>
    /// Sets customer <paramref name="customer"/> as row <paramref name="row"/> of an assembler that takes rows in order,
    /// and appends its UTF-8 id to <paramref name="ids"/> at <paramref name="used"/>; returns where the id ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Write(SummaryAssembler assembler, int row, int customer, bool unitsFit, ref byte[] ids, int used)
    {
        var shard = _shards[customer >> IndexBits];
        var c = customer & ((1 << IndexBits) - 1);
        shard.Set(assembler, row, c, unitsFit);
        return shard.AppendId(c, ref ids, used);
    }

    /// <summary>Creates the ids of the purchasers into <paramref name="ids"/> from <paramref name="start"/>, in the order <see cref="SetTotals"/> numbers them.</summary>
    public void CopyPurchaserIds(string[] ids, int start)
    {
        foreach (var shard in _shards)
        {
            for (var c = 0; c < shard.Count; c++)
            {
                if (shard.IsPurchaser(c))
                {
                    ids[start++] = shard.IdString(c);
                }
            }
        }
    }

    /// <summary>Sets the purchasers' totals in <paramref name="assembler"/>, numbered from <paramref name="start"/> as <see cref="CopyPurchaserIds"/> lists them.</summary>
    public void SetTotals(SummaryAssembler assembler, int start, bool unitsFit)
    {
        foreach (var shard in _shards)
        {
            for (var c = 0; c < shard.Count; c++)
            {
                if (shard.IsPurchaser(c))
                {
                    shard.Set(assembler, start++, c, unitsFit);
                }
            }
        }
    }

    // The top bit of the hash chose the table, the bits below it choose the shard; a shard's slots use the low bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShardOf(uint hash) => (int)(hash >> (31 - ShardBits)) & (Shards - 1);

    private static int Number(int shard, int customer)
        => customer < 1 << IndexBits
            ? (shard << IndexBits) | customer
            : throw new InvalidOperationException("A shard holds more than 2^22 customers, more than a summary can number.");

    private static int SharedPrefixWith(CustomerTable table, CustomerShard shard)
    {
        Span<byte> mine = stackalloc byte[256];
        Span<byte> theirs = stackalloc byte[256];
        var first = table._shards.First(s => s.Count > 0);
        return first.IdBytes(0, mine).CommonPrefixLength(shard.IdBytes(0, theirs));
    }

    private int Sum(Func<CustomerShard, int> value)
    {
        var sum = 0;
        foreach (var shard in _shards)
        {
            sum = checked(sum + value(shard));
        }

        return sum;
    }
}
