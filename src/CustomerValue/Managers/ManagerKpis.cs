using CustomerValue.Managers;

namespace CustomerValue;

/// <summary>
/// Per account manager, the KPIs of their portfolio in one scored snapshot: customers and value per tier, workload used,
/// the shares of act-now and at-risk customers, value concentration, complaints per customer and average satisfaction.
/// Immutable.
/// </summary>
/// <remarks>
/// <para>
/// The snapshot is a frame scored by a <see cref="FittedPipeline"/> with a tier stage and the priority stage, with the
/// manager carried in as an attribute (<see cref="CustomerFrame.Join"/>). Customers without a manager are counted in
/// <see cref="UnassignedCustomers"/> and in no row.
/// </para>
/// <para>
/// Definitions: workload = the sum of the customers' tier weights; at risk = quadrant act now or low-touch (urgent, see
/// <see cref="ManagerKpiOptions"/>); concentration = the share of the manager's positive value held by their top
/// ceil(<see cref="ManagerKpiOptions.TopCustomerShare"/> x customers) customers by value (equal values: by customer id,
/// ordinal, which does not change the share); complaints per customer and average satisfaction over the customers whose
/// value is known (NaN skipped), with the number of known values reported beside them.
/// </para>
/// <para>One pass over the frame, then one sort per manager of that manager's values (O(n log(n / managers))).</para>
/// </remarks>
public sealed class ManagerKpis
{
    private ManagerKpis(ManagerKpiRow[] rows, string[] tiers, int customers, int unassigned)
    {
        Rows = rows;
        Tiers = tiers;
        Customers = customers;
        UnassignedCustomers = unassigned;
    }

    /// <summary>Gets one row per manager with at least one customer, by manager (ordinal).</summary>
    public IReadOnlyList<ManagerKpiRow> Rows { get; }

    /// <summary>Gets the tier labels in tier order (the order of every row's <see cref="ManagerKpiRow.Tiers"/>).</summary>
    public IReadOnlyList<string> Tiers { get; }

    /// <summary>Gets the number of customers in the snapshot.</summary>
    public int Customers { get; }

    /// <summary>Gets the number of customers without a manager (missing or empty value); they are in no row.</summary>
    public int UnassignedCustomers { get; }

    /// <summary>Computes the KPIs of every manager in <paramref name="scored"/>.</summary>
    /// <param name="scored">A frame scored with a tier stage and the priority stage, with the manager column carried in.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The KPIs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scored"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An option is invalid (the message names every invalid option), or a column is missing or of the wrong kind (the
    /// message names the column and the option that changes it).
    /// </exception>
    public static ManagerKpis Create(CustomerFrame scored, ManagerKpiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scored);
        options ??= new ManagerKpiOptions();
        KpiInputs.Validate(options, nameof(options));
        var (managers, managerCodes) = KpiInputs.Labels(KpiInputs.Column(scored, options.ManagerColumn, "ManagerKpiOptions.ManagerColumn", "scored"), "ManagerKpiOptions.ManagerColumn", ordinal: true);
        var (tiers, tierCodes) = KpiInputs.Labels(KpiInputs.Column(scored, options.TierColumn, "ManagerKpiOptions.TierColumn", "scored"), "ManagerKpiOptions.TierColumn", ordinal: false);
        var values = KpiInputs.Numeric(scored, options.ValueColumn, "ManagerKpiOptions.ValueColumn", "scored").Values;
        var (actNowCode, lowTouchCode, quadrantCodes) = Quadrants(scored, options.QuadrantColumn);
        var complaints = KpiInputs.OptionalNumeric(scored, options.ComplaintsColumn, "ManagerKpiOptions.ComplaintsColumn");
        var satisfaction = KpiInputs.OptionalNumeric(scored, options.SatisfactionColumn, "ManagerKpiOptions.SatisfactionColumn");

        var weights = new double[tiers.Length];
        for (var t = 0; t < weights.Length; t++)
        {
            weights[t] = options.WorkloadByTier.TryGetValue(tiers[t], out var w) ? w : options.DefaultWorkload;
        }

        var m = managers.Length;
        var tierCount = tiers.Length;
        var acc = new Accumulators(m, tierCount);
        var unassigned = 0;
        var complaintValues = complaints is null ? default : complaints.Values;
        var satisfactionValues = satisfaction is null ? default : satisfaction.Values;
        for (var i = 0; i < managerCodes.Length; i++)
        {
            var g = managerCodes[i];
            if (g < 0)
            {
                unassigned++;
                continue;
            }

            var value = values[i];
            var known = !double.IsNaN(value);
            acc.Customers[g]++;
            if (known)
            {
                acc.Value[g] += value;
            }

            var t = tierCodes[i];
            if (t >= 0)
            {
                acc.TierCustomers[(g * tierCount) + t]++;
                if (known)
                {
                    acc.TierValue[(g * tierCount) + t] += value;
                }

                acc.Workload[g] += weights[t];
            }
            else
            {
                acc.Workload[g] += options.DefaultWorkload;
            }

            var q = quadrantCodes[i];
            if (q >= 0 && q == actNowCode)
            {
                acc.ActNow[g]++;
                acc.AtRisk[g]++;
            }
            else if (q >= 0 && q == lowTouchCode)
            {
                acc.AtRisk[g]++;
            }

            if (complaints is not null && !double.IsNaN(complaintValues[i]))
            {
                acc.Complaints[g] += complaintValues[i];
                acc.ComplaintsKnown[g]++;
            }

            if (satisfaction is not null && !double.IsNaN(satisfactionValues[i]))
            {
                acc.Satisfaction[g] += satisfactionValues[i];
                acc.SatisfactionKnown[g]++;
            }
        }

        var (topCounts, concentration) = Concentration(managerCodes, values, acc.Customers, options.TopCustomerShare);
        var rows = new List<ManagerKpiRow>(m);
        for (var g = 0; g < m; g++)
        {
            var n = acc.Customers[g];
            if (n == 0)
            {
                continue;
            }

            var perTier = new ManagerTierKpi[tierCount];
            for (var t = 0; t < tierCount; t++)
            {
                perTier[t] = new ManagerTierKpi(tiers[t], acc.TierCustomers[(g * tierCount) + t], acc.TierValue[(g * tierCount) + t]);
            }

            rows.Add(new ManagerKpiRow(
                managers[g],
                n,
                acc.Value[g],
                acc.Workload[g],
                perTier,
                acc.ActNow[g],
                (double)acc.ActNow[g] / n,
                acc.AtRisk[g],
                (double)acc.AtRisk[g] / n,
                topCounts[g],
                concentration[g],
                acc.Complaints[g],
                acc.ComplaintsKnown[g],
                acc.ComplaintsKnown[g] == 0 ? double.NaN : acc.Complaints[g] / acc.ComplaintsKnown[g],
                acc.SatisfactionKnown[g],
                acc.SatisfactionKnown[g] == 0 ? double.NaN : acc.Satisfaction[g] / acc.SatisfactionKnown[g]));
        }

        return new ManagerKpis([.. rows], tiers, scored.Count, unassigned);
    }

    /// <summary>Returns ceil(share x customers), with the product rounded to 9 decimals first so that 0.1 x 30 is 3, not 4.</summary>
    internal static int TopCount(double share, int customers)
        => (int)Math.Ceiling(Math.Round(share * customers, 9, MidpointRounding.AwayFromZero));

    private static (int ActNow, int LowTouch, int[] Codes) Quadrants(CustomerFrame scored, string column)
    {
        var (labels, codes) = KpiInputs.Labels(KpiInputs.Column(scored, column, "ManagerKpiOptions.QuadrantColumn", "scored"), "ManagerKpiOptions.QuadrantColumn", ordinal: false);
        return (Array.IndexOf(labels, PriorityQuadrants.ActNow), Array.IndexOf(labels, PriorityQuadrants.LowTouch), codes);
    }

    // Groups the positive values by manager (a counting sort on the codes), then sorts each manager's values: the top-k
    // sum needs only the k largest, and equal values give the same sum whichever of them are counted.
    private static (int[] Top, double[] Share) Concentration(int[] managerCodes, ReadOnlySpan<double> values, int[] customers, double share)
    {
        var m = customers.Length;
        var start = new int[m + 1];
        for (var g = 0; g < m; g++)
        {
            start[g + 1] = start[g] + customers[g];
        }

        var next = (int[])start.Clone();
        var grouped = new double[start[m]];
        for (var i = 0; i < managerCodes.Length; i++)
        {
            var g = managerCodes[i];
            if (g >= 0)
            {
                var value = values[i];
                grouped[next[g]++] = value > 0 ? value : 0;
            }
        }

        var top = new int[m];
        var result = new double[m];
        for (var g = 0; g < m; g++)
        {
            var segment = grouped.AsSpan(start[g], customers[g]);
            top[g] = customers[g] == 0 ? 0 : TopCount(share, customers[g]);
            var total = 0.0;
            foreach (var value in segment)
            {
                total += value;
            }

            if (total <= 0)
            {
                result[g] = double.NaN;
                continue;
            }

            segment.Sort();
            var held = 0.0;
            for (var k = segment.Length - top[g]; k < segment.Length; k++)
            {
                held += segment[k];
            }

            // When the top customers are all of them, the two sums add in different orders; clamp the rounding excess.
            result[g] = Math.Min(1, held / total);
        }

        return (top, result);
    }

    private sealed class Accumulators(int managers, int tiers)
    {
        public int[] Customers { get; } = new int[managers];

        public double[] Value { get; } = new double[managers];

        public double[] Workload { get; } = new double[managers];

        public int[] TierCustomers { get; } = new int[managers * tiers];

        public double[] TierValue { get; } = new double[managers * tiers];

        public int[] ActNow { get; } = new int[managers];

        public int[] AtRisk { get; } = new int[managers];

        public double[] Complaints { get; } = new double[managers];

        public int[] ComplaintsKnown { get; } = new int[managers];

        public double[] Satisfaction { get; } = new double[managers];

        public int[] SatisfactionKnown { get; } = new int[managers];
    }
}
