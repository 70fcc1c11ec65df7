using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>Customers, value and the recommended service per value status of a frame scored by the low-value stage. Immutable.</summary>
public sealed class LowValueSummary
{
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        [ValueStatuses.Valuable] = "Dedicated manager",
        [ValueStatuses.LowValue] = "Automated / pooled service",
        [ValueStatuses.Valueless] = "Reactivation campaign or review",
        [ValueStatuses.Potential] = "Standard service with growth offers",
        [ValueStatuses.New] = "Onboarding / standard service",
    };

    private LowValueSummary(LowValueSummaryRow[] rows) => Rows = rows;

    /// <summary>Gets the default service recommendation per status.</summary>
    public static IReadOnlyDictionary<string, string> DefaultRecommendations => Defaults;

    /// <summary>Gets one row per status, in the order of <see cref="ValueStatuses"/> (Valuable, Low value, Valueless, Potential, New), including empty ones.</summary>
    public IReadOnlyList<LowValueSummaryRow> Rows { get; }

    /// <summary>Summarises <paramref name="scored"/> by <see cref="ColumnNames.ValueStatus"/>.</summary>
    /// <param name="scored">A frame scored by <see cref="LowValuePipelineBuilderExtensions.AddLowValueDetection"/>.</param>
    /// <param name="valueColumn">The numeric column to total; the default is <see cref="ColumnNames.Revenue"/>.</param>
    /// <param name="recommendations">Service recommendations by status, overriding <see cref="DefaultRecommendations"/> for the statuses they name; <see langword="null"/> for the defaults.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scored"/> or <paramref name="valueColumn"/> is null.</exception>
    /// <exception cref="ArgumentException">A recommendation names an unknown status or is blank, or the status column is not a category column.</exception>
    /// <exception cref="KeyNotFoundException">A needed column is missing.</exception>
    public static LowValueSummary Create(CustomerFrame scored, string valueColumn = ColumnNames.Revenue, IReadOnlyDictionary<string, string>? recommendations = null)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(valueColumn);
        var table = new Dictionary<string, string>(Defaults, StringComparer.Ordinal);
        foreach (var (status, text) in recommendations ?? new Dictionary<string, string>())
        {
            if (!Defaults.ContainsKey(status))
            {
                throw new ArgumentException(Guard.Invariant($"The recommendation for '{status}' names no status; the statuses are: {string.Join(", ", ValueStatuses.All)}."), nameof(recommendations));
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException(Guard.Invariant($"The recommendation for '{status}' is empty; give a text or leave the status out to keep the default."), nameof(recommendations));
            }

            table[status] = text;
        }

        var statusColumn = scored[ColumnNames.ValueStatus] as CategoryColumn
            ?? throw new ArgumentException(Guard.Invariant($"The column '{ColumnNames.ValueStatus}' is {scored[ColumnNames.ValueStatus].Kind}, not Category; score the frame with AddLowValueDetection()."), nameof(scored));
        var values = scored.GetNumeric(valueColumn).Values;
        var labels = statusColumn.Categories;
        var customers = new int[labels.Count];
        var sums = new double[labels.Count];
        var total = 0.0;
        var counted = 0;
        for (var i = 0; i < statusColumn.Length; i++)
        {
            var code = statusColumn.GetCode(i);
            if (code < 0)
            {
                continue;
            }

            customers[code]++;
            counted++;
            if (!double.IsNaN(values[i]))
            {
                sums[code] += values[i];
                total += values[i];
            }
        }

        var rows = new List<LowValueSummaryRow>();
        foreach (var status in ValueStatuses.All)
        {
            var code = IndexOf(labels, status);
            var n = code < 0 ? 0 : customers[code];
            var sum = code < 0 ? 0 : sums[code];
            rows.Add(new LowValueSummaryRow(status, n, counted == 0 ? 0 : (double)n / counted, sum, total == 0 ? 0 : sum / total, table[status]));
        }

        return new LowValueSummary([.. rows]);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string status)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], status, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
