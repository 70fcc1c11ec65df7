using System.Runtime.CompilerServices;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// Builds a <see cref="SummaryResult"/> from totals a streaming reader aggregated per customer (no transaction log in
/// memory). The rows come out in ordinal id order and are computed by <see cref="SummaryRow.Create(in SummarySettings, int, int, int, int, int, decimal, decimal, decimal, decimal)"/>, as the
/// in-memory builder computes them, so both paths give the same numbers for the same totals. Each row goes straight
/// into the output columns; ids come as strings to be ordered, or in order as UTF-8 bytes that stay undecoded until
/// something reads them (see <see cref="CustomerIdList"/>).
/// </summary>
internal sealed class SummaryAssembler
{
    private readonly SummarySettings _settings;
    private readonly string[]? _ids;
    private readonly List<(int Start, byte[] Bytes, int[] Ends)> _utf8 = [];
    private readonly int _count;
    private readonly int[]? _rowOf;
    private readonly SummaryColumns _columns;

    /// <summary>Orders <paramref name="ids"/> (distinct, in any order; customer i is ids[i]).</summary>
    /// <param name="options">The summary options.</param>
    /// <param name="ids">The customer ids.</param>
    /// <param name="sharedPrefix">A number of leading characters every id shares (any smaller number works too, 0 included).</param>
    public SummaryAssembler(SummaryOptions options, string[] ids, int sharedPrefix)
    {
        _settings = SummarySettings.From(options);
        _count = ids.Length;
        var keys = GC.AllocateUninitializedArray<ulong>(ids.Length);
        var order = GC.AllocateUninitializedArray<int>(ids.Length);

        // Each id is a cache miss of its own; several cores wait for them side by side.
        var parts = Math.Max(1, Math.Min(64, ids.Length / 16384));
        Parallel.For(0, parts, part =>
        {
            var end = (int)((long)ids.Length * (part + 1) / parts);
            for (var i = (int)((long)ids.Length * part / parts); i < end; i++)
            {
                keys[i] = CustomerIdKeys.OrderKey(ids[i], sharedPrefix);
                order[i] = i;
            }
        });

        CustomerIdKeys.SortOrdinal(keys, order, ids);
        _ids = new string[ids.Length];
        _rowOf = GC.AllocateUninitializedArray<int>(ids.Length);
        for (var row = 0; row < order.Length; row++)
        {
            _ids[row] = ids[order[row]];
            _rowOf[order[row]] = row;
        }

        _columns = new SummaryColumns(ids.Length, _settings);
    }

    /// <summary>Takes <paramref name="count"/> customers whose order the caller knows: customer i is row i, and <see cref="SetIds"/> names it.</summary>
    /// <param name="options">The summary options.</param>
    /// <param name="count">The number of customers.</param>
    public SummaryAssembler(SummaryOptions options, int count)
    {
        _settings = SummarySettings.From(options);
        _count = count;
        _columns = new SummaryColumns(count, _settings);
    }

    /// <summary>
    /// Names the rows from <paramref name="start"/> on, when the caller gave the order: row start + i is the valid UTF-8
    /// of <paramref name="bytes"/> up to <c>ends[i]</c>, after the previous id. Ids must be distinct and in ordinal
    /// order, and every row named once. Thread-safe; the arrays are handed over.
    /// </summary>
    public void SetIds(int start, byte[] bytes, int[] ends)
    {
        lock (_utf8)
        {
            _utf8.Add((start, bytes, ends));
        }
    }

    /// <summary>Sets the totals of customer <paramref name="customer"/> (an index into the ids given to the constructor, or the row); thread-safe for distinct customers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(
        int customer, int orders, int firstDay, int lastDay, int periods, int distinctDays,
        decimal revenue, decimal windowSpend, decimal previousWindowSpend, decimal repeatSpend)
        => _columns.Set(
            _rowOf is null ? customer : _rowOf[customer],
            SummaryRow.Create(_settings, orders, firstDay, lastDay, periods, distinctDays, revenue, windowSpend, previousWindowSpend, repeatSpend));

    /// <summary>Sets the totals of customer <paramref name="customer"/> from sums in units of 0.0001 (see <see cref="SummaryRow.CreateFromUnits"/>); thread-safe for distinct customers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SetUnits(
        int customer, int orders, int firstDay, int lastDay, int periods, int distinctDays,
        long revenue, long windowSpend, long previousWindowSpend, long repeatSpend)
        => _columns.Set(
            _rowOf is null ? customer : _rowOf[customer],
            SummaryRow.CreateFromUnits(_settings, orders, firstDay, lastDay, periods, distinctDays, revenue, windowSpend, previousWindowSpend, repeatSpend));

    /// <summary>Returns the result; call once, after every customer is set.</summary>
    public SummaryResult Build(int read, TransactionIssue[] issues, int returnsNetted)
    {
        var ids = _ids is not null ? CustomerIdList.FromStrings(_ids) : Utf8Ids();
        return new(CustomerFrame.CreateTrusted(ids, _columns.ToColumns()), read, issues, returnsNetted);
    }

    private CustomerIdList Utf8Ids()
    {
        _utf8.Sort((a, b) => a.Start.CompareTo(b.Start));
        var next = 0;
        foreach (var (start, _, ends) in _utf8)
        {
            if (start != next)
            {
                throw new InvalidOperationException(Guard.Invariant($"A part of the ids starts at row {start}, but row {next} is next: rows are missing or named twice."));
            }

            next += ends.Length;
        }

        return next == _count
            ? CustomerIdList.FromUtf8(_count, _utf8)
            : throw new InvalidOperationException(Guard.Invariant($"{_count} rows but {next} ids."));
    }
}
