using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>Ranks account managers on a documented composite of their KPIs.</summary>
/// <remarks>
/// <para>
/// For each KPI k the manager gets a component score p_k = (w + e / 2) / n, the mid-rank percentile among the n managers
/// whose KPI is known: w = managers with a worse value, e = managers with an equal value (the manager included). Higher
/// is better for value, satisfaction, retention and growth; lower is better for the at-risk share, complaints per
/// customer and concentration. Percentiles make KPIs of different units comparable and ignore outliers' size.
/// </para>
/// <para>
/// score = sum(weight_k x p_k) / sum(weight_k), both sums over the KPIs known for the manager (a KPI that is
/// <see cref="double.NaN"/>, such as satisfaction without responses, or retention and growth without
/// <see cref="ManagerChanges"/>, is left out and the remaining weights renormalised). Weights:
/// <see cref="ManagerRankingOptions"/> (defaults: value 0.2, at risk 0.2, satisfaction 0.15, complaints 0.15,
/// concentration 0.1, retention 0.1, growth 0.1).
/// </para>
/// <para>
/// The order is total and deterministic: score descending, an unknown score last, equal scores by manager id (ordinal).
/// Percentiles depend only on the values, so the ranking does not depend on the order of the customers or the rows.
/// </para>
/// </remarks>
public static class ManagerRanking
{
    /// <summary>Ranks the managers of <paramref name="kpis"/>.</summary>
    /// <param name="kpis">The one-snapshot KPIs; every manager with a row is ranked.</param>
    /// <param name="changes">The two-snapshot changes, matched by manager id, or <see langword="null"/> to rank without retention and growth.</param>
    /// <param name="options">The weights, or <see langword="null"/> for the defaults.</param>
    /// <returns>The managers, rank 1 first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpis"/> is null.</exception>
    /// <exception cref="ArgumentException">A weight is negative or not finite, or every weight is 0 (the message names each).</exception>
    public static IReadOnlyList<ManagerRank> Rank(ManagerKpis kpis, ManagerChanges? changes = null, ManagerRankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        options ??= new ManagerRankingOptions();
        Validate(options);
        var rows = kpis.Rows;
        var n = rows.Count;
        var byManager = new Dictionary<string, ManagerChangeRow>(StringComparer.Ordinal);
        foreach (var change in changes?.Rows ?? [])
        {
            byManager.Add(change.Manager, change);
        }

        var metrics = new double[7][];
        for (var k = 0; k < metrics.Length; k++)
        {
            metrics[k] = new double[n];
        }

        for (var r = 0; r < n; r++)
        {
            var row = rows[r];
            var change = byManager.GetValueOrDefault(row.Manager);
            metrics[0][r] = row.Value;
            metrics[1][r] = -row.AtRiskShare;
            metrics[2][r] = row.AverageSatisfaction;
            metrics[3][r] = -row.ComplaintsPerCustomer;
            metrics[4][r] = -row.Concentration;
            metrics[5][r] = change?.RetentionRate ?? double.NaN;
            metrics[6][r] = change?.RetainedValueGrowth ?? double.NaN;
        }

        double[] weights =
        [
            options.ValueWeight, options.AtRiskWeight, options.SatisfactionWeight, options.ComplaintsWeight,
            options.ConcentrationWeight, options.RetentionWeight, options.GrowthWeight,
        ];
        var percentiles = new double[metrics.Length][];
        for (var k = 0; k < metrics.Length; k++)
        {
            percentiles[k] = Percentiles(metrics[k]);
        }

        var scores = new double[n];
        for (var r = 0; r < n; r++)
        {
            var sum = 0.0;
            var weight = 0.0;
            for (var k = 0; k < metrics.Length; k++)
            {
                if (!double.IsNaN(percentiles[k][r]) && weights[k] > 0)
                {
                    sum += weights[k] * percentiles[k][r];
                    weight += weights[k];
                }
            }

            scores[r] = weight > 0 ? sum / weight : double.NaN;
        }

        var order = new int[n];
        for (var r = 0; r < n; r++)
        {
            order[r] = r;
        }

        Array.Sort(order, (a, b) => Compare(scores[a], scores[b], rows[a].Manager, rows[b].Manager));
        var ranked = new ManagerRank[n];
        for (var k = 0; k < n; k++)
        {
            var r = order[k];
            ranked[k] = new ManagerRank(
                k + 1, rows[r].Manager, scores[r],
                percentiles[0][r], percentiles[1][r], percentiles[2][r], percentiles[3][r], percentiles[4][r], percentiles[5][r], percentiles[6][r]);
        }

        return ranked;
    }

    private static int Compare(double a, double b, string managerA, string managerB)
    {
        var aUnknown = double.IsNaN(a);
        var bUnknown = double.IsNaN(b);
        if (aUnknown != bUnknown)
        {
            return aUnknown ? 1 : -1;
        }

        var byScore = aUnknown ? 0 : b.CompareTo(a);
        return byScore != 0 ? byScore : string.CompareOrdinal(managerA, managerB);
    }

    // Mid-rank percentiles of the known values (higher value = higher percentile); unknown values stay NaN.
    private static double[] Percentiles(double[] values)
    {
        var known = new List<double>(values.Length);
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                known.Add(value);
            }
        }

        var sorted = known.ToArray();
        Array.Sort(sorted);
        var result = new double[values.Length];
        for (var r = 0; r < values.Length; r++)
        {
            if (double.IsNaN(values[r]))
            {
                result[r] = double.NaN;
                continue;
            }

            var below = LowerBound(sorted, values[r]);
            var equal = LowerBound(sorted, BitIncrement(values[r])) - below;
            result[r] = (below + (equal / 2.0)) / sorted.Length;
        }

        return result;
    }

    // The next larger double, so LowerBound(next) counts the values <= value; +0 and -0 are equal, as CompareTo says.
    private static double BitIncrement(double value) => value == 0 ? double.Epsilon : Math.BitIncrement(value);

    private static int LowerBound(double[] sorted, double value)
    {
        var low = 0;
        var high = sorted.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static void Validate(ManagerRankingOptions options)
    {
        var errors = new List<string>();
        var total = 0.0;
        foreach (var (name, weight) in new[]
        {
            (nameof(options.ValueWeight), options.ValueWeight), (nameof(options.AtRiskWeight), options.AtRiskWeight),
            (nameof(options.SatisfactionWeight), options.SatisfactionWeight), (nameof(options.ComplaintsWeight), options.ComplaintsWeight),
            (nameof(options.ConcentrationWeight), options.ConcentrationWeight), (nameof(options.RetentionWeight), options.RetentionWeight),
            (nameof(options.GrowthWeight), options.GrowthWeight),
        })
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                errors.Add(Guard.Invariant($"{name} must be finite and >= 0; it was {weight}."));
            }
            else
            {
                total += weight;
            }
        }

        if (errors.Count == 0 && !(total > 0))
        {
            errors.Add("At least one weight must be positive; every weight was 0.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ManagerRankingOptions: " + string.Join(" ", errors), nameof(options));
        }
    }
}
