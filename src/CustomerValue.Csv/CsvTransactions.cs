using System.Collections;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CustomerValue.Csv.Internal;

namespace CustomerValue.Csv;

/// <summary>Reads a transaction export straight into customer summaries.</summary>
public static class CsvTransactions
{
    private const string ErrorsOption = "CsvTransactionOptions.Errors";
    private const int BatchSize = 16384;
    private const int BatchesInFlight = 4;

    /// <summary>
    /// Reads the transactions of a file and summarises them as of <see cref="SummaryOptions.AsOf"/>. Parsing and
    /// summarising run on two threads, handing over fixed-size batches, so memory holds the summaries, not the file.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="summary">The summary options.</param>
    /// <param name="options">The CSV options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes read every 65,536 rows and at the end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summaries and the read report.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CsvImportException">A required column is missing, no row was accepted, or (strict mode) a row is bad.</exception>
    /// <exception cref="InvalidTransactionException">A transaction is invalid for the summaries and <see cref="SummaryOptions.InvalidTransactions"/> is <see cref="InvalidTransactionHandling.Throw"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvSummaryImport SummariseFile(string path, SummaryOptions summary, CsvTransactionOptions? options = null, IProgress<CsvProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        options = CsvTransactionReader.Validate(options);
        return Summarise(RecordSource.Open(path, options.Delimiter, options.Errors, ErrorsOption, progress), summary, options, cancellationToken);
    }

    /// <summary>Reads the transactions of a stream and summarises them; see <see cref="SummariseFile(string, SummaryOptions, CsvTransactionOptions?, IProgress{CsvProgress}?, CancellationToken)"/>.</summary>
    /// <param name="stream">The input, read from its current position; left open.</param>
    /// <param name="summary">The summary options.</param>
    /// <param name="options">The CSV options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes read every 65,536 rows and at the end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The summaries and the read report.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CsvImportException">A required column is missing, no row was accepted, or (strict mode) a row is bad.</exception>
    /// <exception cref="InvalidTransactionException">A transaction is invalid for the summaries and <see cref="SummaryOptions.InvalidTransactions"/> is <see cref="InvalidTransactionHandling.Throw"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CsvSummaryImport Summarise(Stream stream, SummaryOptions summary, CsvTransactionOptions? options = null, IProgress<CsvProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(summary);
        options = CsvTransactionReader.Validate(options);
        return Summarise(RecordSource.Open(stream, leaveOpen: true, options.Delimiter, options.Errors, ErrorsOption, progress), summary, options, cancellationToken);
    }

    private static CsvSummaryImport Summarise(RecordSource source, SummaryOptions summary, CsvTransactionOptions options, CancellationToken cancellationToken)
    {
        using var reader = CsvTransactionReader.ForSummary(source, options, summary.AsOf);
        using var handOver = new BatchHandOver();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var consumer = Task.Run(
            () =>
            {
                try
                {
                    return CustomerSummaries.FromTransactions(handOver.Consume(stop.Token), summary);
                }
                catch
                {
                    // Stops the parser too, so a failing summary does not wait for the rest of the file.
                    stop.Cancel();
                    throw;
                }
            },
            CancellationToken.None);

        try
        {
            while (true)
            {
                var batch = handOver.Rent(stop.Token);
                var count = reader.ReadBatch(batch, stop.Token);
                if (count == 0)
                {
                    handOver.Return(batch);
                    break;
                }

                handOver.Publish(batch, count, stop.Token);
            }

            handOver.Complete();
        }
        catch
        {
            handOver.Abort();
            FailureOf(consumer)?.Throw();
            throw;
        }

        SummaryResult result;
        try
        {
            result = consumer.GetAwaiter().GetResult();
        }
        catch (ArgumentException) when (reader.RowsAccepted == 0)
        {
            var report = reader.GetReport();
            throw new CsvImportException(Text.Invariant(
                $"The file has no transaction to summarise: {report.RowsRead} rows read, {report.RowsRejected} rejected (see the rejects with CsvErrorMode.Lenient)."));
        }

        return new CsvSummaryImport(result, reader.GetReport(), reader.IssueLines!);
    }

    // When the summaries failed, theirs is the cause: the parser only stopped because of it.
    private static ExceptionDispatchInfo? FailureOf(Task consumer)
    {
        try
        {
            consumer.GetAwaiter().GetResult();
            return null;
        }
        catch (Exception exception) when (exception is OperationCanceledException or BatchHandOver.AbortedException)
        {
            return null;
        }
        catch (Exception exception)
        {
            return ExceptionDispatchInfo.Capture(exception);
        }
    }

    /// <summary>Passes filled batches from the parsing thread to the summarising one and empty batches back.</summary>
    private sealed class BatchHandOver : IDisposable
    {
        private readonly BlockingCollection<(Transaction[] Batch, int Count)> _full = new(BatchesInFlight);
        private readonly ConcurrentBag<Transaction[]> _empty = [];
        private volatile bool _aborted;

        public Transaction[] Rent(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return _empty.TryTake(out var batch) ? batch : new Transaction[BatchSize];
        }

        public void Return(Transaction[] batch) => _empty.Add(batch);

        public void Publish(Transaction[] batch, int count, CancellationToken cancellationToken) => _full.Add((batch, count), cancellationToken);

        public void Complete() => _full.CompleteAdding();

        public void Abort()
        {
            _aborted = true;
            _full.CompleteAdding();
        }

        public IEnumerable<Transaction> Consume(CancellationToken cancellationToken) => new Consumer(this, cancellationToken);

        public void Dispose() => _full.Dispose();

        internal sealed class AbortedException : Exception
        {
            public AbortedException()
                : base("The CSV read failed; the summaries stopped.")
            {
            }

            public AbortedException(string message)
                : base(message)
            {
            }

            public AbortedException(string message, Exception innerException)
                : base(message, innerException)
            {
            }
        }

        // A hand-written enumerator: one array read per transaction, no iterator state machine.
        private sealed class Consumer(BatchHandOver owner, CancellationToken cancellationToken) : IEnumerable<Transaction>, IEnumerator<Transaction>
        {
            private Transaction[]? _batch;
            private int _count;
            private int _index;

            public Transaction Current => _batch![_index];

            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (++_index < _count)
                {
                    return true;
                }

                if (_batch is not null)
                {
                    owner.Return(_batch);
                    _batch = null;
                }

                if (!owner._full.TryTake(out var next, Timeout.Infinite, cancellationToken))
                {
                    if (owner._aborted)
                    {
                        throw new AbortedException();
                    }

                    _count = 0;
                    return false;
                }

                (_batch, _count) = next;
                _index = 0;
                return true;
            }

            public IEnumerator<Transaction> GetEnumerator() => this;

            IEnumerator IEnumerable.GetEnumerator() => this;

            public void Reset() => throw new NotSupportedException();

            public void Dispose()
            {
            }
        }
    }
}
