using System.Numerics;
using System.Runtime.InteropServices;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// Accumulates transactions (one at a time from a streaming reader, or a whole in-memory log without copying it) and builds the summaries.
/// </summary>
/// <remarks>
/// Build partitions the log by a hash of the customer id, so that every customer's transactions land in one bucket small enough
/// for its lookup table to stay in cache: pass 1 (parallel over pieces of the log) classifies each row, hashes its id and counts
/// rows per bucket; pass 2 scatters compact records into bucket order (stable, so each bucket keeps input order); pass 3 aggregates
/// the buckets in parallel. Rows are then put in ordinal id order by a radix sort on packed id characters. Nothing depends on
/// thread scheduling: every bucket sees its records in input order, and money is summed in exact decimal arithmetic.
/// </remarks>
internal sealed class SummaryBuilder
{
    private const int BufferLength = 1 << 16;
    private const int MinPieceLength = 1 << 16;
    private const int RecordsPerBucket = 32768;
    private const int TouchBlock = 64;
    private readonly SummaryOptions _options;
    private readonly SummarySettings _settings;
    private readonly List<LogSegment> _segments = [];
    private Transaction[]? _buffer;
    private int _buffered;

    public SummaryBuilder(SummaryOptions options)
    {
        _options = options;
        _settings = SummarySettings.From(options);
    }

    private enum RowKind
    {
        Purchase,
        Return,
        Excluded,
        Rejected,
    }

    public int Read { get; private set; }

    public void AddRange(ReadOnlySpan<Transaction> transactions)
    {
        foreach (ref readonly var transaction in transactions)
        {
            Add(transaction);
        }
    }

    /// <summary>Buffers <paramref name="transaction"/>; a row the options reject throws at once, so a streaming reader stops at it.</summary>
    public void Add(in Transaction transaction)
    {
        if (_options.InvalidTransactions == InvalidTransactionHandling.Throw && Classify(transaction, out var reason) == RowKind.Rejected)
        {
            throw Rejection(Read, transaction, reason);
        }

        if (_buffer is null || _buffered == _buffer.Length)
        {
            FlushBuffer();
            _buffer = new Transaction[BufferLength];
        }

        _buffer[_buffered++] = transaction;
        Read = checked(Read + 1);
    }

    /// <summary>Adds a whole log without copying it; <paramref name="log"/> must not change before <see cref="Build"/>.</summary>
    public void AddLog(Transaction[] log)
    {
        FlushBuffer();
        if (log.Length > 0)
        {
            _segments.Add(new LogSegment(log, null, log.Length, Read));
        }

        Read = checked(Read + log.Length);
    }

    /// <summary>Adds a whole log without copying it; <paramref name="log"/> must not change before <see cref="Build"/>.</summary>
    public void AddLog(List<Transaction> log)
    {
        FlushBuffer();
        if (log.Count > 0)
        {
            _segments.Add(new LogSegment(null, log, log.Count, Read));
        }

        Read = checked(Read + log.Count);
    }

    public SummaryResult Build()
    {
        FlushBuffer();
        var pieces = Pieces();
        var bucketBits = Math.Clamp(BitOperations.Log2((uint)Math.Max(1, Read / RecordsPerBucket)), 1, 12);
        var buckets = 1 << bucketBits;
        var shift = 32 - bucketBits;

        // Pass 1: classify, hash, count per bucket. A hash of 0 marks a row that is no purchase or return.
        var hashes = GC.AllocateUninitializedArray<uint>(Read);
        var scans = new PieceScan[pieces.Length];
        Parallel.For(0, pieces.Length, p => scans[p] = Scan(pieces[p], hashes, buckets, shift));
        foreach (var scan in scans)
        {
            if (scan.Rejected is { } rejected)
            {
                throw Rejection(rejected.Index, rejected.Transaction, rejected.Reason);
            }
        }

        var fast = UnitsFit(scans);
        var summaries = fast
            ? Aggregate<UnitMoney>(pieces, hashes, scans, buckets, shift)
            : Aggregate<ExactMoney>(pieces, hashes, scans, buckets, shift);
        var frame = Assemble(summaries, _settings);
        return new SummaryResult(frame, Read, Issues(scans, summaries), summaries.Sum(s => s.ReturnsNetted));
    }

    private BucketSummary[] Aggregate<TMoney>(Piece[] pieces, uint[] hashes, PieceScan[] scans, int buckets, int shift)
        where TMoney : struct, ISummaryMoney<TMoney>
    {
        // Pass 2: scatter into bucket order; piece by piece within a bucket, so each bucket keeps input order.
        var purchaseStart = new int[buckets + 1];
        var returnStart = new int[buckets + 1];
        for (var b = 0; b < buckets; b++)
        {
            purchaseStart[b + 1] = purchaseStart[b];
            returnStart[b + 1] = returnStart[b];
            foreach (var scan in scans)
            {
                (scan.Purchases[b], purchaseStart[b + 1]) = (purchaseStart[b + 1], purchaseStart[b + 1] + scan.Purchases[b]);
                (scan.Returns[b], returnStart[b + 1]) = (returnStart[b + 1], returnStart[b + 1] + scan.Returns[b]);
            }
        }

        var ids = new string[purchaseStart[buckets]];
        var purchases = GC.AllocateUninitializedArray<PurchaseRecord<TMoney>>(ids.Length);
        var returnIds = new string[returnStart[buckets]];
        var returns = new ReturnRecord<TMoney>[returnIds.Length];
        Parallel.For(0, pieces.Length, p => Scatter(pieces[p], hashes, shift, scans[p], ids, purchases, returnIds, returns));

        // Pass 3: aggregate each bucket.
        var sharedPrefix = SharedPrefix(scans);
        var summaries = new BucketSummary[buckets];
        Parallel.For(
            0,
            buckets,
            () => new SummaryBucket<TMoney>(),
            (b, _, bucket) =>
            {
                var (p, pn) = (purchaseStart[b], purchaseStart[b + 1] - purchaseStart[b]);
                var (r, rn) = (returnStart[b], returnStart[b + 1] - returnStart[b]);
                summaries[b] = bucket.Summarize(ids.AsSpan(p, pn), purchases.AsSpan(p, pn), returnIds.AsSpan(r, rn), returns.AsSpan(r, rn), _settings, sharedPrefix);
                return bucket;
            },
            _ => { });
        return summaries;
    }

    private static bool UnitsFit(PieceScan[] scans)
    {
        var total = 0L;
        foreach (var scan in scans)
        {
            total += scan.AbsoluteUnits;
            if (!scan.UnitsFit || total >= UnitMoney.MaxTotalUnits)
            {
                return false;
            }
        }

        return true;
    }

    private static int SharedPrefix(PieceScan[] scans)
    {
        string? first = null;
        var shared = 0;
        foreach (var scan in scans)
        {
            if (scan.FirstId is null)
            {
                continue;
            }

            if (first is null)
            {
                (first, shared) = (scan.FirstId, scan.SharedPrefix);
            }
            else
            {
                shared = Math.Min(Math.Min(shared, scan.SharedPrefix), CustomerIdKeys.SharedPrefix(first, scan.FirstId));
            }
        }

        return shared;
    }

    // Rows in ordinal id order, so the output does not depend on input order or on the hash.
    private static CustomerFrame Assemble(BucketSummary[] summaries, in SummarySettings settings)
    {
        var offsets = new int[summaries.Length + 1];
        for (var b = 0; b < summaries.Length; b++)
        {
            offsets[b + 1] = offsets[b] + summaries[b].Ids.Length;
        }

        var count = offsets[^1];
        var ids = new string[count];
        var keys = GC.AllocateUninitializedArray<ulong>(count);
        var bucketOf = GC.AllocateUninitializedArray<int>(count);
        var order = GC.AllocateUninitializedArray<int>(count);
        Parallel.For(0, summaries.Length, b =>
        {
            var summary = summaries[b];
            summary.Ids.CopyTo(ids, offsets[b]);
            summary.Keys.CopyTo(keys, offsets[b]);
            bucketOf.AsSpan(offsets[b], summary.Ids.Length).Fill(b);
            for (var i = 0; i < summary.Ids.Length; i++)
            {
                order[offsets[b] + i] = offsets[b] + i;
            }
        });

        CustomerIdKeys.SortOrdinal(keys, order, ids);
        var columns = new SummaryColumns(count, settings);
        var sortedIds = new string[count];
        var parts = Math.Max(1, Math.Min(64, count / 16384));
        Parallel.For(0, parts, part =>
        {
            var end = (int)((long)count * (part + 1) / parts);
            for (var r = (int)((long)count * part / parts); r < end; r++)
            {
                var source = order[r];
                var bucket = bucketOf[source];
                sortedIds[r] = ids[source];
                columns.Set(r, summaries[bucket].Rows[source - offsets[bucket]]);
            }
        });

        return CustomerFrame.CreateTrusted(sortedIds, columns.ToColumns());
    }

    private TransactionIssue[] Issues(PieceScan[] scans, BucketSummary[] summaries)
    {
        var issues = new List<TransactionIssue>();
        foreach (var scan in scans)
        {
            if (scan.Issues is not null)
            {
                issues.AddRange(scan.Issues);
            }
        }

        var returnIssues = false;
        foreach (var summary in summaries)
        {
            foreach (var index in summary.ReturnsWithoutPurchase ?? [])
            {
                issues.Add(new TransactionIssue(index, TransactionIssueReason.ReturnWithoutPurchase, TransactionAt(index)));
                returnIssues = true;
            }
        }

        if (returnIssues)
        {
            issues.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        return [.. issues];
    }

    private Transaction TransactionAt(int index)
    {
        var (low, high) = (0, _segments.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = _segments[middle].Base <= index ? (middle, high) : (low, middle - 1);
        }

        return _segments[low].Span[index - _segments[low].Base];
    }

    private Piece[] Pieces()
    {
        var length = Math.Max(MinPieceLength, (Read / (4 * Environment.ProcessorCount)) + 1);
        var pieces = new List<Piece>();
        foreach (var segment in _segments)
        {
            for (var start = 0; start < segment.Count; start += length)
            {
                pieces.Add(new Piece(segment, start, Math.Min(length, segment.Count - start)));
            }
        }

        return [.. pieces];
    }

    private PieceScan Scan(Piece piece, uint[] hashes, int buckets, int shift)
    {
        var scan = new PieceScan(buckets);
        var log = piece.Span;
        var throwOnReject = _options.InvalidTransactions == InvalidTransactionHandling.Throw;
        var touched = 0;
        for (var j = 0; j < log.Length; j++)
        {
            // The ids are scattered objects: a tight loop that only reads their lengths lets many cache misses overlap,
            // which the heavy loop below cannot (its long body fills the reorder buffer while it waits for one id).
            if (j % TouchBlock == 0)
            {
                foreach (ref readonly var ahead in log.Slice(j, Math.Min(TouchBlock, log.Length - j)))
                {
                    touched += ahead.CustomerId?.Length ?? 0;
                }
            }

            var index = piece.Base + j;
            ref readonly var transaction = ref log[j];
            var kind = Classify(transaction, out var reason);
            if (kind is RowKind.Purchase or RowKind.Return)
            {
                var id = transaction.CustomerId;
                var hash = CustomerIdKeys.Hash(id);
                hashes[index] = hash;
                if (scan.UnitsFit && UnitMoney.TryFrom(transaction.Amount, out var units))
                {
                    scan.AbsoluteUnits = Math.Min(scan.AbsoluteUnits + Math.Abs(units), UnitMoney.MaxTotalUnits);
                }
                else
                {
                    scan.UnitsFit = false;
                }

                if (kind == RowKind.Return)
                {
                    scan.Returns[(int)(hash >> shift)]++;
                    continue;
                }

                scan.Purchases[(int)(hash >> shift)]++;
                if (scan.FirstId is null)
                {
                    (scan.FirstId, scan.SharedPrefix) = (id, id.Length);
                }
                else if (scan.SharedPrefix > 0)
                {
                    scan.SharedPrefix = Math.Min(scan.SharedPrefix, CustomerIdKeys.SharedPrefix(scan.FirstId, id));
                }

                continue;
            }

            hashes[index] = 0;
            if (kind == RowKind.Rejected && throwOnReject)
            {
                scan.Rejected = (index, transaction, reason);
                return scan;
            }

            (scan.Issues ??= []).Add(new TransactionIssue(index, reason, transaction));
        }

        scan.Touched = touched;
        return scan;
    }

    private static void Scatter<TMoney>(
        Piece piece, uint[] hashes, int shift, PieceScan scan, string[] ids, PurchaseRecord<TMoney>[] purchases, string[] returnIds, ReturnRecord<TMoney>[] returns)
        where TMoney : struct, ISummaryMoney<TMoney>
    {
        var log = piece.Span;
        var purchaseNext = scan.Purchases;
        var returnNext = scan.Returns;
        for (var j = 0; j < log.Length; j++)
        {
            var index = piece.Base + j;
            var hash = hashes[index];
            if (hash == 0)
            {
                continue;
            }

            ref readonly var transaction = ref log[j];
            var bucket = (int)(hash >> shift);
            var day = DayOf(transaction);
            if (transaction.Amount < 0)
            {
                var slot = returnNext[bucket]++;
                returnIds[slot] = transaction.CustomerId;
                returns[slot] = new ReturnRecord<TMoney> { Hash = hash, Day = day, Index = index, Amount = TMoney.From(transaction.Amount) };
            }
            else
            {
                var slot = purchaseNext[bucket]++;
                ids[slot] = transaction.CustomerId;
                purchases[slot] = new PurchaseRecord<TMoney> { Hash = hash, Day = day, Amount = TMoney.From(transaction.Amount) };
            }
        }
    }

    private static int DayOf(in Transaction transaction) => (int)(transaction.Timestamp.Ticks / TimeSpan.TicksPerDay);

    private RowKind Classify(in Transaction transaction, out TransactionIssueReason reason)
    {
        reason = default;
        if (string.IsNullOrWhiteSpace(transaction.CustomerId))
        {
            reason = TransactionIssueReason.MissingCustomerId;
            return RowKind.Rejected;
        }

        if (DayOf(transaction) > _settings.AsOfDay)
        {
            reason = TransactionIssueReason.AfterAsOfDate;
            return RowKind.Excluded;
        }

        if (transaction.Amount >= 0)
        {
            return RowKind.Purchase;
        }

        reason = TransactionIssueReason.NegativeAmount;
        return _options.NegativeAmounts switch
        {
            NegativeAmountHandling.Ignore => RowKind.Excluded,
            NegativeAmountHandling.Reject => RowKind.Rejected,

            // Whether the customer ever purchased is known only once the bucket is aggregated.
            _ => RowKind.Return,
        };
    }

    internal static InvalidTransactionException Rejection(int index, in Transaction transaction, TransactionIssueReason reason)
    {
        var issue = new TransactionIssue(index, reason, transaction);
        var where = Guard.Invariant($"Transaction {index} (customer '{transaction.CustomerId}', {transaction.Timestamp:yyyy-MM-dd}, amount {transaction.Amount})");
        var message = reason == TransactionIssueReason.NegativeAmount
            ? where + " has a negative amount. Set SummaryOptions.NegativeAmounts to NetAsReturn to net returns against revenue, or to Ignore to exclude and report such rows (or set SummaryOptions.InvalidTransactions to Skip)."
            : where + " has an empty customer id. Set SummaryOptions.InvalidTransactions to Skip to exclude and report such rows.";
        return new InvalidTransactionException(issue, message);
    }

    private void FlushBuffer()
    {
        if (_buffer is not null && _buffered > 0)
        {
            _segments.Add(new LogSegment(_buffer, null, _buffered, Read - _buffered));
        }

        (_buffer, _buffered) = (null, 0);
    }

    /// <summary>A stretch of the input: a buffer, or a caller's array or list; <see cref="Base"/> is the input index of its first row.</summary>
    private readonly record struct LogSegment(Transaction[]? Array, List<Transaction>? List, int Count, int Base)
    {
        public ReadOnlySpan<Transaction> Span => Array is not null ? Array.AsSpan(0, Count) : CollectionsMarshal.AsSpan(List)[..Count];
    }

    private readonly record struct Piece(LogSegment Segment, int Start, int Length)
    {
        public int Base => Segment.Base + Start;

        public ReadOnlySpan<Transaction> Span => Segment.Span.Slice(Start, Length);
    }

    /// <summary>What pass 1 learned about one piece; the counts become write positions for pass 2.</summary>
    private sealed class PieceScan(int buckets)
    {
        public int[] Purchases { get; } = new int[buckets];

        public int[] Returns { get; } = new int[buckets];

        public List<TransactionIssue>? Issues { get; set; }

        public (int Index, Transaction Transaction, TransactionIssueReason Reason)? Rejected { get; set; }

        public string? FirstId { get; set; }

        public int SharedPrefix { get; set; }

        /// <summary>Gets or sets the sum of the id lengths read ahead, kept so the JIT cannot drop the reads.</summary>
        public int Touched { get; set; }

        /// <summary>Gets or sets whether every amount so far fits <see cref="UnitMoney"/>.</summary>
        public bool UnitsFit { get; set; } = true;

        /// <summary>Gets or sets the total of absolute amounts in units, saturated at <see cref="UnitMoney.MaxTotalUnits"/>.</summary>
        public long AbsoluteUnits { get; set; }
    }
}
