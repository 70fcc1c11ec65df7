using CustomerValue.Internal;
using CustomerValue.LowValue;

namespace CustomerValue;

/// <summary>Adds the low-value detection stage to a pipeline.</summary>
public static class LowValuePipelineBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ColumnNames.LowValueCriteria"/> (the criteria that fired, see <see cref="LowValueReasonNames"/>),
    /// <see cref="ColumnNames.ValueStatus"/> (see <see cref="ValueStatuses"/>) and <see cref="ColumnNames.StatusReasons"/>
    /// (the evidence for the status). The bottom-share value threshold is learned at fit time.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Decision order: (1) value &lt;= 0 is Valueless ("zero or negative value"); (2) when the enabled criteria combine
    /// to the low-value test, the customer is Potential if any potential evidence holds - tenure below
    /// <see cref="LowValueOptions.NewCustomerDays"/> ("new customer"), <see cref="ColumnNames.WindowSpend"/> above
    /// <see cref="ColumnNames.PreviousWindowSpend"/> ("growing spend"), the stated potential above its threshold, the
    /// predicted value above its threshold - with that evidence as reasons, else Low value with the fired criteria as
    /// reasons; (3) tenure below <see cref="LowValueOptions.NewCustomerDays"/> is New ("new customer"); (4) otherwise
    /// Valuable (no reasons). Potential therefore always wins over low value.
    /// </para>
    /// <para>
    /// Reads the value column and <see cref="ColumnNames.TenureDays"/>, plus the column of each enabled criterion; the
    /// growth, potential and predicted-value columns are read when the population has them. A missing value (NaN) never
    /// fires a criterion and is never evidence.
    /// </para>
    /// </remarks>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names every invalid option.</exception>
    public static CustomerPipelineBuilder AddLowValueDetection(this CustomerPipelineBuilder builder, LowValueOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new LowValueOptions();
        var errors = new List<string>();
        foreach (var (name, text) in new[] { (nameof(options.Name), options.Name), (nameof(options.ValueColumn), options.ValueColumn), (nameof(options.PotentialColumn), options.PotentialColumn), (nameof(options.PredictedValueColumn), options.PredictedValueColumn) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(name + " must not be empty.");
            }
        }

        if (options.BottomValueShare is { } share && !(share > 0 && share < 1))
        {
            errors.Add(Guard.Invariant($"BottomValueShare must be strictly between 0 and 1, or null to turn the criterion off; it was {share}."));
        }

        CheckAtLeast(errors, nameof(options.MaxOrders), options.MaxOrders, 0);
        CheckAtLeast(errors, nameof(options.InactiveDays), options.InactiveDays, 0);
        CheckAtLeast(errors, nameof(options.MaxInteractions), options.MaxInteractions, 0);
        CheckAtLeast(errors, nameof(options.MinComplaints), options.MinComplaints, 1);
        CheckFinite(errors, nameof(options.MaxSatisfaction), options.MaxSatisfaction);
        CheckFinite(errors, nameof(options.PotentialThreshold), options.PotentialThreshold);
        CheckFinite(errors, nameof(options.PredictedValueThreshold), options.PredictedValueThreshold);
        if (options.NewCustomerDays < 0)
        {
            errors.Add(Guard.Invariant($"NewCustomerDays must be >= 0 (0 = nobody is new); it was {options.NewCustomerDays}."));
        }

        var enabled = EnabledCriteria(options);
        if (!Enum.IsDefined(options.Combination))
        {
            errors.Add(Guard.Invariant($"Combination must be one of {string.Join(", ", Enum.GetNames<CriteriaCombination>())}; it was {(int)options.Combination}."));
        }
        else if (enabled == 0)
        {
            errors.Add("No criterion is enabled: set at least one of BottomValueShare, MaxOrders, InactiveDays, MaxInteractions, MinComplaints and MaxSatisfaction.");
        }
        else if (options.Combination == CriteriaCombination.AtLeast && (options.MinimumCriteria < 1 || options.MinimumCriteria > enabled))
        {
            errors.Add(Guard.Invariant($"MinimumCriteria must be between 1 and the {enabled} enabled criteria with Combination AtLeast; it was {options.MinimumCriteria}."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid LowValueOptions: " + string.Join(" ", errors), nameof(options));
        }

        return builder.AddStage(new LowValueStage(options));
    }

    internal static int EnabledCriteria(LowValueOptions options)
        => (options.BottomValueShare is null ? 0 : 1) + (options.MaxOrders is null ? 0 : 1) + (options.InactiveDays is null ? 0 : 1)
            + (options.MaxInteractions is null ? 0 : 1) + (options.MinComplaints is null ? 0 : 1) + (options.MaxSatisfaction is null ? 0 : 1);

    private static void CheckAtLeast(List<string> errors, string name, int? value, int min)
    {
        if (value is { } v && v < min)
        {
            errors.Add(Guard.Invariant($"{name} must be >= {min}, or null to turn the criterion off; it was {v}."));
        }
    }

    private static void CheckFinite(List<string> errors, string name, double? value)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            errors.Add(Guard.Invariant($"{name} must be finite, or null to turn it off; it was {v}."));
        }
    }
}
