using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// Reads a transaction export straight into per-customer totals, holding no more than a batch of its rows. A UTF-8 file
/// is cut at line breaks into chunks of about 4 MB that two threads take in turn (<see cref="Utf8ChunkScanner"/>), so
/// neither waits at the end for the other's half; each thread owns the customers of half the id hashes (<see cref="CustomerTable"/>), so purchases cross to their owner in blocks and no
/// table is merged. At the end each table sorts its customers by id bytes, and the rows are written in id order. Other inputs (a UTF-16 byte order
/// mark, a space or tab delimiter, an unusual first line, a stream that cannot seek) take the general CsvHelper reader
/// on one thread, into the same tables. Either way the result equals reading every transaction and calling
/// <see cref="CustomerSummaries.FromTransactions"/>: the first bad row in file order fails a strict read.
/// </summary>
internal static class StreamingSummary
{
    private const string ErrorsOption = "CsvTransactionOptions.Errors";
    private const int HeaderBlock = 1 << 16;
    private const long ChunkBytes = 4L << 20;
    private const int ProbeBlock = 4096;
    private const int BlocksInFlight = 8;

    /// <param name="path">The file.</param>
    /// <param name="summary">The summary options.</param>
    /// <param name="options">The validated CSV options.</param>
    /// <param name="progress">Receives progress, or null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="chunkBytes">The size of the chunks the threads take in turn; a file of more than one is read by two threads (tests lower it).</param>
    public static CsvSummaryImport FromFile(
        string path, SummaryOptions summary, CsvTransactionOptions options, IProgress<CsvProgress>? progress, CancellationToken cancellationToken, long chunkBytes = ChunkBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var settings = SummarySettings.From(summary);
        long length;
        Header? header;
        using (var handle = File.OpenHandle(path))
        {
            length = RandomAccess.GetLength(handle);
            var input = new FileInput(handle);
            header = ReadHeader(input, options);
            if (header is not null)
            {
                return Fast(input, header, ChunkStarts(input, header.End, length, chunkBytes), summary, settings, options, progress, cancellationToken);
            }
        }

        return General(RecordSource.Open(path, options.Delimiter, options.Errors, ErrorsOption, progress), summary, settings, options, cancellationToken);
    }

    public static CsvSummaryImport FromStream(Stream stream, SummaryOptions summary, CsvTransactionOptions options, IProgress<CsvProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = SummarySettings.From(summary);
        if (stream.CanSeek)
        {
            var origin = stream.Position;
            var header = ReadHeader(new StreamInput(stream), options);
            if (header is not null)
            {
                stream.Position = origin + header.End;
                return Fast(new StreamInput(stream), header, [header.End, long.MaxValue], summary, settings, options, progress, cancellationToken);
            }

            stream.Position = origin;
        }

        return General(RecordSource.Open(stream, leaveOpen: true, options.Delimiter, options.Errors, ErrorsOption, progress), summary, settings, options, cancellationToken);
    }

    // The header line, when the file suits the fast reader: UTF-8 (with or without BOM), a first line that is the header.
    private static Header? ReadHeader(ByteInput input, CsvTransactionOptions options)
    {
        if (options.Delimiter is ' ' or '\t')
        {
            return null;
        }

        var block = new byte[HeaderBlock];
        var length = input.Read(0, block);
        var text = block.AsSpan(0, length);
        var bom = text.StartsWith("\uFEFF"u8) ? 3 : 0;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || text.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return null;
        }

        var lineLength = text[bom..].IndexOfAny((byte)'\r', (byte)'\n');
        if (lineLength < 0 || bom + lineLength + 1 == HeaderBlock || text.Slice(bom, lineLength).TrimStart(" \t"u8).IsEmpty)
        {
            return null;
        }

        var breakAt = bom + lineLength;
        var end = breakAt + (text[breakAt] == '\r' && breakAt + 1 < length && text[breakAt + 1] == '\n' ? 2 : 1);
        if (text[breakAt] == '\r' && end == length && length == HeaderBlock)
        {
            return null;
        }

        // The header goes through the general reader, so its errors (missing columns, bad quoting) are the general ones.
        using var reader = CsvTransactionReader.ForSummary(
            RecordSource.Open(new MemoryStream(block, 0, end, writable: false), leaveOpen: false, options.Delimiter, options.Errors, ErrorsOption, progress: null),
            options);
        return new Header(end, reader.Headers, reader.Columns, reader.Parser, new TransactionColumns(reader.CustomerIdColumn!, reader.DateColumn!, reader.AmountColumn!));
    }

    // Where the chunks start, each at the first line start at least chunkBytes after the one before, and then the end.
    private static long[] ChunkStarts(ByteInput input, long start, long end, long chunkBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        var starts = new List<long> { start };
        for (var at = start + chunkBytes; at < end; at = starts[^1] + chunkBytes)
        {
            var next = LineStartAfter(input, at, end);
            if (next >= end)
            {
                break;
            }

            starts.Add(next);
        }

        starts.Add(end);
        return [.. starts];
    }

    private static long LineStartAfter(ByteInput input, long from, long length)
    {
        var block = new byte[ProbeBlock];
        for (var offset = from; offset < length;)
        {
            var read = input.Read(offset, block.AsSpan(0, (int)Math.Min(block.Length, length - offset)));
            var at = block.AsSpan(0, read).IndexOf((byte)'\n');
            if (at >= 0)
            {
                return offset + at + 1;
            }

            offset += read;
        }

        return length;
    }

    // CR, LF and CRLF each end a line; the range ends after an LF, so a CR at its end cannot be half of a pair.
    private static long CountLineBreaks(ByteInput input, long from, long to)
    {
        var block = new byte[(1 << 20) + 1];
        var count = 0L;
        for (var offset = from; offset < to; offset += block.Length - 1)
        {
            var read = input.Read(offset, block.AsSpan(0, (int)Math.Min(block.Length, to - offset)));
            var piece = block.AsSpan(0, Math.Min(read, block.Length - 1));
            count += piece.Count((byte)'\n');
            for (var at = piece.IndexOf((byte)'\r'); at >= 0;)
            {
                count += at + 1 < read && block[at + 1] == '\n' ? 0 : 1;
                var next = piece[(at + 1)..].IndexOf((byte)'\r');
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        return count;
    }

    private static CsvSummaryImport Fast(
        ByteInput input, Header header, long[] starts, SummaryOptions summary, SummarySettings settings, CsvTransactionOptions options,
        IProgress<CsvProgress>? progress, CancellationToken cancellationToken)
    {
        var chunks = starts.Length - 1;
        var threads = chunks > 1 ? 2 : 1;
        var tables = new CustomerTable[threads];
        var inboxes = new BlockingCollection<RecordBlock>[threads];
        for (var t = 0; t < threads; t++)
        {
            tables[t] = new CustomerTable(settings);
            inboxes[t] = [];
        }

        var pool = new ConcurrentBag<RecordBlock>();
        var progressTotals = new ProgressTotals(progress, header.End);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var lowestFailure = chunks;
        var gate = new Lock();
        var finished = new bool[chunks];
        var rows = new ChunkRows[chunks];
        var failures = new ExceptionDispatchInfo?[chunks];
        var drainFailures = new ExceptionDispatchInfo?[threads];

        // Each thread takes the next chunk until none is left, so the one that finishes first does more instead of waiting.
        void Read(int thread)
        {
            var table = tables[thread];
            var inbox = inboxes[thread];
            void Drain()
            {
                while (inbox.TryTake(out var block))
                {
                    Recycle(block, table);
                }
            }

            void Recycle(RecordBlock block, CustomerTable owner)
            {
                if (!Failed())
                {
                    owner.Add(block);
                }

                block.Clear();
                pool.Add(block);
            }

            void Flush(int owner, RecordBlock block)
            {
                if (owner == thread || Failed())
                {
                    Recycle(block, table);
                }
                else
                {
                    // Bounded hand-over: wait for the other thread while doing this one's share, so neither can run away.
                    while (inboxes[owner].Count >= BlocksInFlight && !inboxes[owner].IsAddingCompleted && !Failed())
                    {
                        if (inbox.TryTake(out var mine, 1, CancellationToken.None))
                        {
                            Recycle(mine, table);
                        }
                    }

                    if (!inboxes[owner].TryAdd(block))
                    {
                        block.Clear();
                        pool.Add(block);
                    }
                }

                Drain();
            }

            var buffer = new byte[Utf8ChunkScanner.BlockSize];
            try
            {
                for (var k = Interlocked.Increment(ref next); k < chunks && k <= Volatile.Read(ref lowestFailure); k = Interlocked.Increment(ref next))
                {
                    var chunkRows = rows[k] = new ChunkRows(k, summary, threads, () => pool.TryTake(out var block) ? block : new RecordBlock(), Flush);
                    try
                    {
                        var start = starts[k];
                        Func<long> linesBefore = k == 0 ? () => 1 : () => 1 + CountLineBreaks(input, header.End, start);
                        var scanner = new Utf8ChunkScanner(input, start, starts[k + 1], linesBefore, header.Headers, header.Columns, options, header.Parser, chunkRows);
                        scanner.Run(ref buffer, progressTotals.Add, stop.Token);
                        if (chunkRows.Invalid is null)
                        {
                            chunkRows.Complete();
                        }
                        else
                        {
                            Fail(k);
                        }
                    }
                    catch (Exception exception)
                    {
                        failures[k] = ExceptionDispatchInfo.Capture(exception);
                        Fail(k);
                    }
                    finally
                    {
                        Finished(k);
                    }
                }
            }
            finally
            {
                for (var other = 0; other < threads; other++)
                {
                    if (other != thread)
                    {
                        inboxes[other].CompleteAdding();
                    }
                }
            }

            // The other thread completes this inbox when it has sent its last block.
            if (!Failed() && threads > 1)
            {
                try
                {
                    foreach (var block in inbox.GetConsumingEnumerable(stop.Token))
                    {
                        Recycle(block, table);
                    }
                }
                catch (OperationCanceledException exception)
                {
                    drainFailures[thread] = ExceptionDispatchInfo.Capture(exception);
                }
            }
        }

        bool Failed() => Volatile.Read(ref lowestFailure) < chunks;

        void Fail(int chunk)
        {
            lock (gate)
            {
                lowestFailure = Math.Min(lowestFailure, chunk);
            }
        }

        // A failure settles the result once every chunk before it has been read (one of them may fail earlier in the
        // file); then the chunks after it stop.
        void Finished(int chunk)
        {
            lock (gate)
            {
                finished[chunk] = true;
                if (lowestFailure < chunks && Array.IndexOf(finished, false, 0, lowestFailure) < 0)
                {
                    stop.Cancel();
                }
            }
        }

        try
        {
            var second = threads > 1 ? Task.Factory.StartNew(() => Read(1), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default) : Task.CompletedTask;
            Read(0);
            second.GetAwaiter().GetResult();
        }
        finally
        {
            foreach (var inbox in inboxes)
            {
                inbox.Dispose();
            }
        }

        // The first failure in file order is the one thrown; every chunk before it was read whole, so its line count is.
        var lineBases = new long[chunks];
        lineBases[0] = 1;
        var acceptedBefore = 0L;
        for (var k = 0; k < chunks; k++)
        {
            if (rows[k].Invalid is { } invalid)
            {
                throw IssueText.Rejection(
                    invalid.Issue with { Index = checked((int)(acceptedBefore + invalid.Issue.Index)) }, lineBases[k] + invalid.Line, header.Names, invalid.Value);
            }

            failures[k]?.Throw();
            acceptedBefore += rows[k].Accepted;
            if (k + 1 < chunks)
            {
                lineBases[k + 1] = lineBases[k] + rows[k].Lines;
            }
        }

        foreach (var failure in drainFailures)
        {
            failure?.Throw();
        }

        progressTotals.Complete(Sum(rows, r => r.RowsRead));
        return Result(rows, lineBases, tables, summary, header.Names);
    }

    private static CsvSummaryImport General(RecordSource source, SummaryOptions summary, SummarySettings settings, CsvTransactionOptions options, CancellationToken cancellationToken)
    {
        var table = new CustomerTable(settings);
        var block = new RecordBlock();
        var rows = new ChunkRows(0, summary, 1, () => block, (_, full) => { table.Add(full); full.Clear(); });
        TransactionColumns names;
        using (var reader = CsvTransactionReader.ForSummary(source, options))
        {
            var (id, date, amount) = reader.Columns;
            names = new TransactionColumns(reader.CustomerIdColumn ?? string.Empty, reader.DateColumn ?? string.Empty, reader.AmountColumn ?? string.Empty);
            while (reader.Headers.Count > 0 && rows.Invalid is null && source.Next(cancellationToken))
            {
                if (CsvTransactionReader.TryRead(source, reader.Parser, id, date, amount, out var idBytes, out var timestamp, out var value))
                {
                    source.Accept();
                    rows.Accept(idBytes, source.Reader.GetSpan(date), source.Reader.GetSpan(amount), timestamp.Ticks, ParsedAmount.From(value), source.LineNumber);
                }
            }

            rows.AddReport(source);
        }

        if (rows.Invalid is { } invalid)
        {
            throw IssueText.Rejection(invalid.Issue, invalid.Line, names, invalid.Value);
        }

        rows.Complete();
        return Result([rows], [0], [table], summary, names);
    }

    private static CsvSummaryImport Result(ChunkRows[] rows, long[] lineBases, CustomerTable[] tables, SummaryOptions summary, TransactionColumns names)
    {
        var rowsRead = Sum(rows, r => r.RowsRead);
        var accepted = Sum(rows, r => r.Accepted);
        var rejects = new List<CsvReject>();
        var counts = new int[rows[0].RejectCounts.Length];
        foreach (var part in rows)
        {
            rejects.AddRange(part.Rejects);
            for (var r = 0; r < counts.Length; r++)
            {
                counts[r] += part.RejectCounts[r];
            }
        }

        var report = new CsvReadReport(rowsRead, accepted, [.. rejects], counts);
        if (accepted == 0)
        {
            throw new CsvImportException(Text.Invariant(
                $"The file has no transaction to summarise: {rowsRead} rows read, {report.RowsRejected} rejected (see the rejects with CsvErrorMode.Lenient)."));
        }

        var bases = new long[rows.Length];
        for (var p = 1; p < rows.Length; p++)
        {
            bases[p] = bases[p - 1] + rows[p - 1].Accepted;
        }

        var excluded = new List<ExcludedRow>();
        for (var p = 0; p < rows.Length; p++)
        {
            foreach (var (issue, line, value) in rows[p].Issues)
            {
                excluded.Add(new ExcludedRow(issue with { Index = checked((int)(bases[p] + issue.Index)) }, lineBases[p] + line, value));
            }
        }

        // The last queued rows go to their shards; then each table counts its customers' periods, side by side.
        Parallel.For(0, tables.Length, t =>
        {
            tables[t].Flush();
            tables[t].CountPeriods();
        });
        var returns = 0;
        var withoutPurchase = 0;
        foreach (var table in tables)
        {
            returns = checked(returns + table.Returns);
            foreach (var pending in table.ReturnsWithoutPurchase())
            {
                var index = checked((int)(bases[pending.Chunk] + pending.Index));
                excluded.Add(new ExcludedRow(new TransactionIssue(index, TransactionIssueReason.ReturnWithoutPurchase, pending.Transaction), lineBases[pending.Chunk] + pending.Line, pending.Value));
                withoutPurchase++;
            }
        }

        if (withoutPurchase > 0)
        {
            excluded.Sort((a, b) => a.Issue.Index.CompareTo(b.Issue.Index));
        }

        var unitsFit = Sum(rows, r => r.UnitsFit ? r.AbsoluteUnits : UnitMoney.MaxTotalUnits) < UnitMoney.MaxTotalUnits;
        var assembler = tables.All(t => t.BytesInOrdinalOrder) ? InOrder(tables, summary, unitsFit) : ByStrings(tables, summary, unitsFit);

        var issues = new TransactionIssue[excluded.Count];
        for (var i = 0; i < issues.Length; i++)
        {
            issues[i] = excluded[i].Issue;
        }

        var result = assembler.Build(checked((int)accepted), issues, returns - withoutPurchase);
        return new CsvSummaryImport(result, report, [.. excluded], names, summary);
    }

    // Ids whose bytes order as their strings do: each table sorts its purchasers by byte keys, the two lists are merged, and
    // the rows are written in that order (ids kept as their bytes), so each output column fills front to back.
    private static SummaryAssembler InOrder(CustomerTable[] tables, SummaryOptions summary, bool unitsFit)
    {
        var prefix = int.MaxValue;
        var first = tables.FirstOrDefault(t => t.Purchasers > 0);
        foreach (var table in tables)
        {
            if (table.Purchasers > 0)
            {
                prefix = Math.Min(Math.Min(prefix, table.SharedPrefix), table.SharedPrefixWith(first!));
            }
        }

        var sorted = new (ulong[] Keys, int[] Customers)[tables.Length];
        Parallel.For(0, tables.Length, t => sorted[t] = tables[t].SortPurchasers(prefix == int.MaxValue ? 0 : prefix));
        var order = Merge(tables, sorted);
        var assembler = new SummaryAssembler(summary, order.Length);

        // Rows in blocks, on all cores.
        var parts = Math.Max(1, Math.Min(64, order.Length / 16384));
        Parallel.For(0, parts, part => WriteRows(tables, order, (int)((long)order.Length * part / parts), (int)((long)order.Length * (part + 1) / parts), assembler, unitsFit));
        return assembler;
    }

    // Each customer's totals are a cache miss, asked for a few rows ahead. The ids go to the assembler as UTF-8, a block
    // of rows at a time (room for 16 bytes an id at first, which most ids fit).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteRows(CustomerTable[] tables, int[] order, int start, int end, SummaryAssembler assembler, bool unitsFit)
    {
        const int ahead = 16;
        var ids = GC.AllocateUninitializedArray<byte>((end - start + 1) * 16);
        var ends = GC.AllocateUninitializedArray<int>(end - start);
        var used = 0;
        for (var row = start; row < end; row++)
        {
            if (row + ahead < end)
            {
                var next = order[row + ahead];
                tables[next & 1].PrefetchTotals(next >> 1);
            }

            used = tables[order[row] & 1].Write(assembler, row, order[row] >> 1, unitsFit, ref ids, used);
            ends[row - start] = used;
        }

        assembler.SetIds(start, ids, ends);
    }

    // Packs (customer, table) as customer * 2 + table, in ordinal id order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Merge(CustomerTable[] tables, (ulong[] Keys, int[] Customers)[] sorted)
    {
        var (keys0, customers0) = sorted[0];
        var (keys1, customers1) = tables.Length > 1 ? sorted[1] : ([], []);
        var order = GC.AllocateUninitializedArray<int>(keys0.Length + keys1.Length);
        int i = 0, j = 0, row = 0;
        while (i < keys0.Length && j < keys1.Length)
        {
            var first = keys0[i] != keys1[j] ? keys0[i] < keys1[j] : tables[0].Compare(customers0[i], tables[1], customers1[j]) < 0;
            order[row++] = first ? customers0[i++] * 2 : (customers1[j++] * 2) + 1;
        }

        while (i < keys0.Length)
        {
            order[row++] = customers0[i++] * 2;
        }

        while (j < keys1.Length)
        {
            order[row++] = (customers1[j++] * 2) + 1;
        }

        return order;
    }

    // Any other ids: created as strings and ordered by the core's ordinal sort.
    private static SummaryAssembler ByStrings(CustomerTable[] tables, SummaryOptions summary, bool unitsFit)
    {
        var starts = new int[tables.Length + 1];
        for (var t = 0; t < tables.Length; t++)
        {
            starts[t + 1] = starts[t] + tables[t].Purchasers;
        }

        var ids = new string[starts[^1]];
        for (var t = 0; t < tables.Length; t++)
        {
            tables[t].CopyPurchaserIds(ids, starts[t]);
        }

        var assembler = new SummaryAssembler(summary, ids, sharedPrefix: 0);
        Parallel.For(0, tables.Length, t => tables[t].SetTotals(assembler, starts[t], unitsFit));
        return assembler;
    }

    private static long Sum(ChunkRows[] rows, Func<ChunkRows, long> value)
    {
        var sum = 0L;
        foreach (var part in rows)
        {
            sum = Math.Min(sum + value(part), long.MaxValue / 2);
        }

        return sum;
    }

    private sealed record Header(int End, IReadOnlyList<string> Headers, (int Id, int Date, int Amount) Columns, FieldParser Parser, TransactionColumns Names);

    /// <summary>Adds up the progress of both threads and reports it in order.</summary>
    private sealed class ProgressTotals(IProgress<CsvProgress>? progress, long headerBytes)
    {
        private readonly Lock _lock = new();
        private long _rows;
        private long _bytes = headerBytes;

        public void Add(long rows, long bytes)
        {
            if (progress is null)
            {
                return;
            }

            lock (_lock)
            {
                _rows += rows;
                _bytes += bytes;
                progress.Report(new CsvProgress(_rows, _bytes));
            }
        }

        public void Complete(long rows)
        {
            if (progress is not null)
            {
                lock (_lock)
                {
                    progress.Report(new CsvProgress(rows, _bytes));
                }
            }
        }
    }
}
