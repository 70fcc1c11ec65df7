namespace CustomerValue;

/// <summary>
/// Builds a <see cref="SummaryResult"/> from totals a streaming reader aggregated per customer (no transaction log in
/// memory). The rows come out in ordinal id order and are computed by <see cref="SummaryRow.Create"/>, as the
/// in-memory builder computes them, so both paths give the same numbers for the same totals.
/// </summary>
internal sealed class SummaryAssembler
{
    private readonly SummarySettings _settings;
    private readonly string[] _sortedIds;
    private readonly int[] _order;
    private readonly SummaryRow[] _rows;

    /// <summary>Orders <paramref name="ids"/> (distinct, in any order; customer i is ids[i]).</summary>
    /// <param name="options">The summary options.</param>
    /// <param name="ids">The customer ids.</param>
    /// <param name="sharedPrefix">A number of leading characters every id shares (any smaller number works too, 0 included).</param>
    public SummaryAssembler(SummaryOptions options, string[] ids, int sharedPrefix)
    {
        _settings = SummarySettings.From(options);
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
        _sortedIds = new string[ids.Length];
        for (var row = 0; row < order.Length; row++)
        {
            _sortedIds[row] = ids[order[row]];
        }

        _order = order;
        _rows = GC.AllocateUninitializedArray<SummaryRow>(ids.Length);
    }

    /// <summary>Sets the totals of customer <paramref name="customer"/> (an index into the ids given to the constructor); thread-safe for distinct customers.</summary>
    public void Set(
        int customer, int orders, int firstDay, int lastDay, int periods, int distinctDays,
        decimal revenue, decimal windowSpend, decimal previousWindowSpend, decimal repeatSpend)
        => _rows[customer] = SummaryRow.Create(_settings, orders, firstDay, lastDay, periods, distinctDays, revenue, windowSpend, previousWindowSpend, repeatSpend);

    /// <summary>Returns the result; call once, after every customer is set.</summary>
    public SummaryResult Build(int read, TransactionIssue[] issues, int returnsNetted)
    {
        // Rows are gathered in id order, so each column is written front to back.
        var count = _rows.Length;
        var columns = new SummaryColumns(count);
        var parts = Math.Max(1, Math.Min(64, count / 16384));
        Parallel.For(0, parts, part =>
        {
            var end = (int)((long)count * (part + 1) / parts);
            for (var row = (int)((long)count * part / parts); row < end; row++)
            {
                columns.Set(row, _rows[_order[row]]);
            }
        });

        return new(CustomerFrame.CreateTrusted(_sortedIds, columns.ToColumns()), read, issues, returnsNetted);
    }
}
