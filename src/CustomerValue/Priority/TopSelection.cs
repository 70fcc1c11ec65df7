namespace CustomerValue.Priority;

/// <summary>
/// Bounded heaps, one per group, each keeping the <c>capacity</c> first rows of its group in the total priority order.
/// The root of each full heap is its last kept row, so most rows are rejected by one comparison with a cached priority.
/// </summary>
internal sealed class TopSelection
{
    private readonly int _capacity;
    private readonly int[] _rows;

    // Each kept row's priority beside it, so comparisons inside a heap read the heap rather than the priority column:
    // a column of millions of rows read at random misses the cache on nearly every comparison.
    private readonly double[] _keys;
    private readonly int[] _sizes;
    private readonly double[] _rootPriority;
    private readonly NumericColumn _priority;
    private readonly string[] _ids;

    public TopSelection(int groups, int capacity, NumericColumn priority, string[] ids)
    {
        _capacity = capacity;
        _rows = new int[checked(groups * capacity)];
        _keys = new double[_rows.Length];
        _sizes = new int[groups];

        // Minus infinity until a heap is full, so the fast rejection below needs no test of the heap's size.
        _rootPriority = new double[groups];
        _rootPriority.AsSpan().Fill(double.NegativeInfinity);
        _priority = priority;
        _ids = ids;
    }

    /// <summary>
    /// Offers rows start..end, each to the heap of its group (<paramref name="groups"/>: empty = one group); a negative
    /// group goes to <paramref name="missingGroup"/>, or is skipped when that is negative.
    /// </summary>
    public void OfferRange(int start, int end, ReadOnlySpan<int> groups, int missingGroup)
    {
        var priority = _priority.Values;
        var roots = _rootPriority;
        var single = groups.IsEmpty;
        for (var i = start; i < end; i++)
        {
            var g = single ? 0 : groups[i];
            if (g < 0)
            {
                if (missingGroup < 0)
                {
                    continue;
                }

                g = missingGroup;
            }

            // Fast rejection: a full heap keeps only rows that come before its root (a NaN priority takes the full comparison).
            var p = priority[i];
            if (p < roots[g])
            {
                continue;
            }

            Offer(g, i, p);
        }
    }

    /// <summary>Offers every row another selection kept (used to merge the halves of a parallel pass).</summary>
    public void Merge(TopSelection other)
    {
        for (var g = 0; g < _sizes.Length; g++)
        {
            var baseIndex = g * _capacity;
            for (var k = 0; k < other._sizes[g]; k++)
            {
                Offer(g, other._rows[baseIndex + k], other._keys[baseIndex + k]);
            }
        }
    }

    /// <summary>Returns the rows kept for group <paramref name="group"/>, in the total order.</summary>
    public int Size(int group) => _sizes[group];

    public int[] Sorted(int group)
    {
        var rows = _rows.AsSpan(group * _capacity, _sizes[group]).ToArray();
        Array.Sort(rows, (a, b) => PriorityOrder.Compare(_priority.Values, _ids, a, b));
        return rows;
    }

    private void Offer(int g, int row, double key)
    {
        var heap = _rows.AsSpan(g * _capacity, _capacity);
        var keys = _keys.AsSpan(g * _capacity, _capacity);
        var size = _sizes[g];
        if (size < _capacity)
        {
            // Sift up: the parent must come after its children in the order (the root is the last kept row).
            var k = size;
            while (k > 0)
            {
                var parent = (k - 1) >> 1;
                if (Before(keys[parent], heap[parent], key, row))
                {
                    (heap[k], keys[k]) = (heap[parent], keys[parent]);
                    k = parent;
                }
                else
                {
                    break;
                }
            }

            (heap[k], keys[k]) = (row, key);
            _sizes[g] = size + 1;
        }
        else
        {
            if (!Before(key, row, keys[0], heap[0]))
            {
                return;
            }

            var k = 0;
            while (true)
            {
                var child = (2 * k) + 1;
                if (child >= size)
                {
                    break;
                }

                if (child + 1 < size && Before(keys[child], heap[child], keys[child + 1], heap[child + 1]))
                {
                    child++;
                }

                if (Before(key, row, keys[child], heap[child]))
                {
                    (heap[k], keys[k]) = (heap[child], keys[child]);
                    k = child;
                }
                else
                {
                    break;
                }
            }

            (heap[k], keys[k]) = (row, key);
        }

        if (_sizes[g] == _capacity)
        {
            _rootPriority[g] = keys[0];
        }
    }

    private bool Before(double keyA, int a, double keyB, int b) => PriorityOrder.Compare(keyA, keyB, _ids, a, b) < 0;
}
