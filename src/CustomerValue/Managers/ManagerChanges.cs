using CustomerValue.Managers;

namespace CustomerValue;

/// <summary>
/// Per account manager, what changed between two snapshots scored with the same fitted model: retention of their
/// customers, customers won, lost and transferred, value growth, and tier upgrades and downgrades. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// Customers are matched by id (ordinal). Retention, retained value and tier moves follow the manager of the FIRST
/// snapshot, so a customer handed to a colleague still counts as retained by the manager who kept them; the hand-over
/// shows as <see cref="ManagerChangeRow.TransferredOut"/> and <see cref="ManagerChangeRow.TransferredIn"/>.
/// </para>
/// <para>
/// Tier moves use the rank order of the re-evaluation (<see cref="MigrationReport"/>): a category column's own order,
/// best first, with labels only the second snapshot knows appended; text tiers in ordinal order. A move to or from a
/// missing tier is neither an upgrade nor a downgrade. Missing values add nothing to the value sums.
/// </para>
/// </remarks>
public sealed class ManagerChanges
{
    // A label no real tier can carry, so the re-evaluation's missing label never collides with a caller's category.
    private const string MissingTier = "\0missing";

    private ManagerChanges(ManagerChangeRow[] rows, int before, int after, int matched)
    {
        Rows = rows;
        BeforeCustomers = before;
        AfterCustomers = after;
        MatchedCustomers = matched;
    }

    /// <summary>Gets one row per manager with customers in either snapshot, by manager (ordinal).</summary>
    public IReadOnlyList<ManagerChangeRow> Rows { get; }

    /// <summary>Gets the number of customers in the first snapshot.</summary>
    public int BeforeCustomers { get; }

    /// <summary>Gets the number of customers in the second snapshot.</summary>
    public int AfterCustomers { get; }

    /// <summary>Gets the number of customers present in both snapshots.</summary>
    public int MatchedCustomers { get; }

    /// <summary>Compares the managers' portfolios of two scored snapshots.</summary>
    /// <param name="before">The earlier scored snapshot, with the manager column carried in.</param>
    /// <param name="after">The later snapshot, scored with the same fitted model.</param>
    /// <param name="options">
    /// The options (<see cref="ManagerKpiOptions.ManagerColumn"/>, <see cref="ManagerKpiOptions.TierColumn"/> and
    /// <see cref="ManagerKpiOptions.ValueColumn"/> are read from both snapshots), or <see langword="null"/> for the defaults.
    /// </param>
    /// <returns>The changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="before"/> or <paramref name="after"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An option is invalid, or a column is missing or of the wrong kind in either snapshot (the message names the
    /// snapshot, the column and the option), or the tier column's kind differs between the snapshots.
    /// </exception>
    public static ManagerChanges Create(CustomerFrame before, CustomerFrame after, ManagerKpiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        options ??= new ManagerKpiOptions();
        KpiInputs.Validate(options, nameof(options));
        const string ManagerOption = "ManagerKpiOptions.ManagerColumn";
        const string TierOption = "ManagerKpiOptions.TierColumn";
        const string ValueOption = "ManagerKpiOptions.ValueColumn";
        var (beforeManagers, beforeCodes) = KpiInputs.Labels(KpiInputs.Column(before, options.ManagerColumn, ManagerOption, "'before'"), ManagerOption, ordinal: true);
        var (afterManagers, afterCodes) = KpiInputs.Labels(KpiInputs.Column(after, options.ManagerColumn, ManagerOption, "'after'"), ManagerOption, ordinal: true);
        var beforeValues = KpiInputs.Numeric(before, options.ValueColumn, ValueOption, "'before'").Values;
        var afterValues = KpiInputs.Numeric(after, options.ValueColumn, ValueOption, "'after'").Values;
        var beforeTierColumn = KpiInputs.Column(before, options.TierColumn, TierOption, "'before'");
        var afterTierColumn = KpiInputs.Column(after, options.TierColumn, TierOption, "'after'");
        KpiInputs.RequireLabels(beforeTierColumn, TierOption);
        KpiInputs.RequireLabels(afterTierColumn, TierOption);
        var (tierLabels, beforeTiers, afterTiers) = MigrationLabels.Resolve(beforeTierColumn, afterTierColumn, null, MissingTier);
        var missingTier = tierLabels[^1] == MissingTier ? tierLabels.Length - 1 : -1;

        var managers = Union(beforeManagers, afterManagers, out var beforeMap, out var afterMap);
        var m = managers.Length;
        var customersBefore = new int[m];
        var customersAfter = new int[m];
        var retained = new int[m];
        var won = new int[m];
        var transferredOut = new int[m];
        var transferredIn = new int[m];
        var valueBefore = new double[m];
        var valueAfter = new double[m];
        var retainedBefore = new double[m];
        var retainedAfter = new double[m];
        var upgrades = new int[m];
        var downgrades = new int[m];

        // afterRow[i] is the 'after' row of 'before' customer i, or -1 when the customer left.
        var afterRow = new int[before.Count];
        Array.Fill(afterRow, -1);
        var matched = 0;
        var afterIds = after.CustomerIds;
        for (var j = 0; j < afterIds.Count; j++)
        {
            var i = before.IndexOf(afterIds[j]);
            var g = afterCodes[j] < 0 ? -1 : afterMap[afterCodes[j]];
            if (i >= 0)
            {
                afterRow[i] = j;
                matched++;
            }

            if (g < 0)
            {
                continue;
            }

            customersAfter[g]++;
            valueAfter[g] += OrZero(afterValues[j]);
            if (i < 0)
            {
                won[g]++;
            }
            else if ((beforeCodes[i] < 0 ? -1 : beforeMap[beforeCodes[i]]) != g)
            {
                transferredIn[g]++;
            }
        }

        for (var i = 0; i < beforeCodes.Length; i++)
        {
            if (beforeCodes[i] < 0)
            {
                continue;
            }

            var g = beforeMap[beforeCodes[i]];
            customersBefore[g]++;
            valueBefore[g] += OrZero(beforeValues[i]);
            var j = afterRow[i];
            if (j < 0)
            {
                continue;
            }

            retained[g]++;
            if ((afterCodes[j] < 0 ? -1 : afterMap[afterCodes[j]]) != g)
            {
                transferredOut[g]++;
            }

            retainedBefore[g] += OrZero(beforeValues[i]);
            retainedAfter[g] += OrZero(afterValues[j]);
            var from = beforeTiers[i];
            var to = afterTiers[j];
            if (from != missingTier && to != missingTier)
            {
                // Rank 0 is the best tier, so a smaller rank is an upgrade.
                if (to < from)
                {
                    upgrades[g]++;
                }
                else if (to > from)
                {
                    downgrades[g]++;
                }
            }
        }

        var rows = new List<ManagerChangeRow>(m);
        for (var g = 0; g < m; g++)
        {
            // A category column may list managers no customer has in either snapshot.
            if (customersBefore[g] == 0 && customersAfter[g] == 0)
            {
                continue;
            }

            rows.Add(new ManagerChangeRow(
                managers[g],
                customersBefore[g],
                customersAfter[g],
                retained[g],
                customersBefore[g] == 0 ? double.NaN : (double)retained[g] / customersBefore[g],
                customersBefore[g] - retained[g],
                won[g],
                transferredOut[g],
                transferredIn[g],
                valueBefore[g],
                valueAfter[g],
                Growth(valueBefore[g], valueAfter[g]),
                retainedBefore[g],
                retainedAfter[g],
                Growth(retainedBefore[g], retainedAfter[g]),
                upgrades[g],
                downgrades[g]));
        }

        return new ManagerChanges([.. rows], before.Count, after.Count, matched);
    }

    private static double OrZero(double value) => double.IsNaN(value) ? 0 : value;

    private static double Growth(double before, double after) => before > 0 ? (after - before) / before : double.NaN;

    // The managers of both snapshots in ordinal order; the maps take each snapshot's label index to the union's.
    private static string[] Union(string[] before, string[] after, out int[] beforeMap, out int[] afterMap)
    {
        var union = new SortedSet<string>(before, StringComparer.Ordinal);
        union.UnionWith(after);
        var labels = union.ToArray();
        beforeMap = new int[before.Length];
        afterMap = new int[after.Length];
        for (var k = 0; k < before.Length; k++)
        {
            beforeMap[k] = Array.BinarySearch(labels, before[k], StringComparer.Ordinal);
        }

        for (var k = 0; k < after.Length; k++)
        {
            afterMap[k] = Array.BinarySearch(labels, after[k], StringComparer.Ordinal);
        }

        return labels;
    }
}
