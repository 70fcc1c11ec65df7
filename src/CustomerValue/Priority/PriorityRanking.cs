using CustomerValue.Internal;
using CustomerValue.Priority;

namespace CustomerValue;

/// <summary>
/// Lists over a frame scored by the priority stage, in the total priority order (priority descending, a missing
/// priority last, equal priorities by customer id, ordinal), without sorting the population: bounded heaps select
/// the first customers in O(n log k).
/// </summary>
public static class PriorityRanking
{
    // Worklists keeping at least this many customers in all build their entries in two parallel halves.
    private const long ParallelEntries = 4096;

    /// <summary>Returns the first <paramref name="count"/> customers in the total priority order.</summary>
    /// <param name="scored">A frame scored by <see cref="PriorityPipelineBuilderExtensions.AddPriority"/>.</param>
    /// <param name="count">How many customers, 0 or more (fewer come back when the frame is smaller).</param>
    /// <param name="options">The options the frame was scored with, used to order each customer's reasons; <see langword="null"/> for the defaults.</param>
    /// <returns>The customers, rank 1 first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scored"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid, or a priority column has the wrong kind.</exception>
    /// <exception cref="KeyNotFoundException">A priority column is missing.</exception>
    public static IReadOnlyList<PriorityEntry> Top(CustomerFrame scored, int count, PriorityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scored);
        Guard.InRange(count, 0, int.MaxValue);
        var contributions = Contributions(scored, options);
        var capacity = Math.Min(count, scored.Count);
        if (capacity == 0)
        {
            return [];
        }

        var selection = Select(scored, 1, capacity, [], null);
        return Entries(scored, selection.Sorted(0), contributions);
    }

    /// <summary>
    /// Returns each account manager's worklist: their first <paramref name="perManager"/> customers in the total
    /// priority order, with ranks within the manager. Lists come in manager order (ordinal); the list of customers
    /// without a manager (a missing value) comes last with <see cref="Worklist.Manager"/> = <see langword="null"/>,
    /// or is left out when <paramref name="includeUnassigned"/> is false.
    /// </summary>
    /// <remarks>
    /// One pass with a bounded heap per manager. A <see cref="CategoryColumn"/> of managers is read by its codes; a
    /// <see cref="TextColumn"/> costs one dictionary look-up per customer, so convert large text columns to categories.
    /// </remarks>
    /// <param name="scored">A frame scored by <see cref="PriorityPipelineBuilderExtensions.AddPriority"/>.</param>
    /// <param name="perManager">The most customers per list, 1 or more.</param>
    /// <param name="managerColumn">A category or text column naming each customer's manager.</param>
    /// <param name="includeUnassigned">Whether to add the list of customers without a manager.</param>
    /// <param name="options">The options the frame was scored with, used to order each customer's reasons; <see langword="null"/> for the defaults.</param>
    /// <returns>The worklists; managers without customers have none.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perManager"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The manager column is neither category nor text, <paramref name="options"/> is invalid, or a priority column has the wrong kind.</exception>
    /// <exception cref="KeyNotFoundException">The manager column or a priority column is missing.</exception>
    public static IReadOnlyList<Worklist> Worklists(CustomerFrame scored, int perManager, string managerColumn = ColumnNames.AccountManager, bool includeUnassigned = true, PriorityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(managerColumn);
        Guard.InRange(perManager, 1, int.MaxValue);
        var contributions = Contributions(scored, options);
        var (managers, category, codes) = ManagerCodes(scored[managerColumn]);

        // The unassigned customers get the extra group at the end.
        var groups = managers.Count + (includeUnassigned ? 1 : 0);
        var capacity = Math.Min(perManager, Math.Max(1, scored.Count));
        var selection = Select(scored, groups, capacity, codes, category, includeUnassigned ? managers.Count : -1);

        var order = Enumerable.Range(0, managers.Count).OrderBy(g => managers[g], StringComparer.Ordinal).ToList();
        if (includeUnassigned)
        {
            order.Add(managers.Count);
        }

        // The entries read a handful of columns at rows scattered over the whole frame, so building them is bound by
        // cache misses: with thousands of kept rows the managers are split into two halves built side by side.
        var lists = new Worklist?[order.Count];
        void Build(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                var g = order[k];
                if (selection.Size(g) > 0)
                {
                    lists[k] = new Worklist(g < managers.Count ? managers[g] : null, Entries(scored, selection.Sorted(g), contributions));
                }
            }
        }

        var half = order.Count / 2;
        Ranges.Invoke(parallel: (long)capacity * order.Count >= ParallelEntries, () => Build(0, half), () => Build(half, order.Count));
        return [.. lists.OfType<Worklist>()];
    }

    /// <summary>Returns the reasons flagged for the customer at <paramref name="row"/>, largest contribution to the priority first (equal contributions in flag order).</summary>
    /// <param name="scored">A frame scored by <see cref="PriorityPipelineBuilderExtensions.AddPriority"/>.</param>
    /// <param name="row">The row index.</param>
    /// <param name="options">The options the frame was scored with; <see langword="null"/> for the defaults.</param>
    /// <returns>The reasons with their contributions (see <see cref="PriorityReason.Contribution"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scored"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside the frame.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid, or a priority column has the wrong kind.</exception>
    /// <exception cref="KeyNotFoundException">A priority column is missing.</exception>
    public static IReadOnlyList<PriorityReason> Reasons(CustomerFrame scored, int row, PriorityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scored);
        Guard.InRange(row, 0, scored.Count - 1);
        return Contributions(scored, options).For(row);
    }

    private static ReasonContributions Contributions(CustomerFrame scored, PriorityOptions? options)
    {
        options ??= new PriorityOptions();
        PriorityPipelineBuilderExtensions.Validate(options, nameof(options));
        return new ReasonContributions(scored, options);
    }

    private static TopSelection Select(CustomerFrame scored, int groups, int capacity, int[] codes, CategoryColumn? category, int missingGroup = -1)
    {
        var priority = scored.GetNumeric(ColumnNames.Priority);
        var ids = scored.IdArray;
        var n = scored.Count;
        if (!Ranges.IsSplit(n))
        {
            var single = new TopSelection(groups, capacity, priority, ids);
            single.OfferRange(0, n, category is null ? codes : category.Codes, missingGroup);
            return single;
        }

        // Each half keeps its own heaps; the kept sets depend only on the total order, so merging is deterministic.
        var half = n / 2;
        var first = new TopSelection(groups, capacity, priority, ids);
        var second = new TopSelection(groups, capacity, priority, ids);
        Ranges.Invoke(
            parallel: true,
            () => first.OfferRange(0, half, category is null ? codes : category.Codes, missingGroup),
            () => second.OfferRange(half, n, category is null ? codes : category.Codes, missingGroup));
        first.Merge(second);
        return first;
    }

    private static (IReadOnlyList<string> Managers, CategoryColumn? Category, int[] Codes) ManagerCodes(FrameColumn column)
    {
        switch (column)
        {
            case CategoryColumn category:
                return (category.Categories, category, []);
            case TextColumn text:
                var names = new List<string>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                var codes = new int[text.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    var name = text[i];
                    if (name is null)
                    {
                        codes[i] = -1;
                    }
                    else if (!index.TryGetValue(name, out codes[i]))
                    {
                        codes[i] = names.Count;
                        index.Add(name, codes[i]);
                        names.Add(name);
                    }
                }

                return (names, null, codes);
            default:
                throw new ArgumentException(Guard.Invariant($"The column '{column.Name}' is {column.Kind}; worklists need a category or text column of managers."), nameof(column));
        }
    }

    private static PriorityEntry[] Entries(CustomerFrame scored, int[] rows, ReasonContributions contributions)
    {
        var priority = scored.GetNumeric(ColumnNames.Priority);
        var importance = scored.GetNumeric(ColumnNames.Importance);
        var urgency = scored.GetNumeric(ColumnNames.Urgency);
        var quadrant = scored.GetCategory(ColumnNames.Quadrant);
        var entries = new PriorityEntry[rows.Length];
        for (var k = 0; k < rows.Length; k++)
        {
            var row = rows[k];
            var reasons = contributions.For(row);
            var names = new string[reasons.Length];
            for (var r = 0; r < reasons.Length; r++)
            {
                names[r] = reasons[r].Name;
            }

            entries[k] = new PriorityEntry(k + 1, scored.CustomerIds[row], priority[row], importance[row], urgency[row], quadrant[row], names);
        }

        return entries;
    }
}
