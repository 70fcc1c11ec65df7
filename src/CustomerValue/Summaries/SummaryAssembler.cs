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
    private readonly int[] _rowOf;
    private readonly SummaryColumns _columns;

    /// <summary>Orders <paramref name="ids"/> (distinct, in any order; customer i is ids[i]).</summary>
    public SummaryAssembler(SummaryOptions options, string[] ids)
    {
        _settings = SummarySettings.From(options);
        var sharedPrefix = 0;
        if (ids.Length > 0)
        {
            sharedPrefix = ids[0].Length;
            foreach (var id in ids)
            {
                sharedPrefix = Math.Min(sharedPrefix, CustomerIdKeys.SharedPrefix(ids[0], id));
            }
        }

        var keys = GC.AllocateUninitializedArray<ulong>(ids.Length);
        var order = GC.AllocateUninitializedArray<int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            keys[i] = CustomerIdKeys.OrderKey(ids[i], sharedPrefix);
            order[i] = i;
        }

        CustomerIdKeys.SortOrdinal(keys, order, ids);
        _sortedIds = new string[ids.Length];
        _rowOf = GC.AllocateUninitializedArray<int>(ids.Length);
        for (var row = 0; row < order.Length; row++)
        {
            _sortedIds[row] = ids[order[row]];
            _rowOf[order[row]] = row;
        }

        _columns = new SummaryColumns(ids.Length);
    }

    /// <summary>Sets the totals of customer <paramref name="customer"/> (an index into the ids given to the constructor).</summary>
    public void Set(
        int customer, int orders, int firstDay, int lastDay, int periods, int distinctDays,
        decimal revenue, decimal windowSpend, decimal previousWindowSpend, decimal repeatSpend)
        => _columns.Set(
            _rowOf[customer],
            SummaryRow.Create(_settings, orders, firstDay, lastDay, periods, distinctDays, revenue, windowSpend, previousWindowSpend, repeatSpend));

    /// <summary>Returns the result; call once, after every customer is set.</summary>
    public SummaryResult Build(int read, TransactionIssue[] issues, int returnsNetted)
        => new(CustomerFrame.CreateTrusted(_sortedIds, _columns.ToColumns()), read, issues, returnsNetted);
}
