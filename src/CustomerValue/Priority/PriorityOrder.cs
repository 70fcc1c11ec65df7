namespace CustomerValue.Priority;

/// <summary>
/// The total priority order: higher priority first, a missing (NaN) priority last, equal priorities by customer id
/// (ordinal). Every list and rank of the priority stage follows it, so results do not depend on the row order.
/// </summary>
internal static class PriorityOrder
{
    /// <summary>Returns a negative number when row <paramref name="a"/> comes before row <paramref name="b"/>.</summary>
    public static int Compare(ReadOnlySpan<double> priority, string[] ids, int a, int b) => Compare(priority[a], priority[b], ids, a, b);

    /// <summary>Returns a negative number when row <paramref name="a"/>, of priority <paramref name="pa"/>, comes before row <paramref name="b"/>, of priority <paramref name="pb"/>.</summary>
    public static int Compare(double pa, double pb, string[] ids, int a, int b)
    {
        if (pa > pb)
        {
            return -1;
        }

        if (pa < pb)
        {
            return 1;
        }

        var nanA = double.IsNaN(pa);
        if (nanA != double.IsNaN(pb))
        {
            return nanA ? 1 : -1;
        }

        return string.CompareOrdinal(ids[a], ids[b]);
    }

    /// <summary>Returns every row in the total order (O(n log n)).</summary>
    public static int[] Sort(CustomerFrame scored)
    {
        var priority = scored.GetNumeric(ColumnNames.Priority);
        var ids = scored.IdArray;
        var n = ids.Length;
        var keys = new double[n];
        var order = new int[n];
        var values = priority.Values;
        for (var i = 0; i < n; i++)
        {
            // Negated, so ascending key order is descending priority; NaN sorts first in Array.Sort and is moved below.
            keys[i] = -values[i];
            order[i] = i;
        }

        Array.Sort(keys, order);

        // Array.Sort is not stable and NaN keys come first: fix both with a final pass over runs of equal keys.
        var comparer = Comparer<int>.Create((a, b) => Compare(priority.Values, ids, a, b));
        var nanCount = 0;
        while (nanCount < n && double.IsNaN(keys[nanCount]))
        {
            nanCount++;
        }

        if (nanCount > 0)
        {
            var nanRows = order[..nanCount];
            Array.Copy(order, nanCount, order, 0, n - nanCount);
            Array.Copy(keys, nanCount, keys, 0, n - nanCount);
            nanRows.CopyTo(order, n - nanCount);
            keys.AsSpan(n - nanCount).Fill(double.NaN);
        }

        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && (keys[end] == keys[start] || (double.IsNaN(keys[end]) && double.IsNaN(keys[start]))))
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start, comparer);
            }

            start = end;
        }

        return order;
    }
}
