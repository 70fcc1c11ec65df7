using CustomerValue.Internal;
using CustomerValue.Priority;

namespace CustomerValue;

/// <summary>Adds the priority and priority-rank stages to a pipeline.</summary>
public static class PriorityPipelineBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ColumnNames.Importance"/>, <see cref="ColumnNames.Urgency"/>, <see cref="ColumnNames.Priority"/>
    /// (each 0..1), <see cref="ColumnNames.Quadrant"/> (see <see cref="PriorityQuadrants"/>) and
    /// <see cref="ColumnNames.PriorityReasons"/> (see <see cref="PriorityReasonNames"/>); the formulas are on
    /// <see cref="PriorityOptions"/>. The value distribution and the median purchase interval are learned at fit time.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Reads the value column, <see cref="ColumnNames.RecencyDays"/>, <see cref="ColumnNames.TenureDays"/> and
    /// <see cref="ColumnNames.Orders"/>; the complaints, satisfaction and P(alive) columns are read when the population
    /// has them. A customer's average inter-purchase interval is (tenure_days - recency_days) / (orders - 1), the span
    /// from the first to the last purchase over its gaps. A customer without such a rhythm (one order, or every purchase
    /// on one day) is measured against the median interval of the fitted customers who have one (floored to 1/16 day);
    /// when no fitted customer has one, the overdue factor is left out for them.
    /// </para>
    /// <para>Ranks are a separate stage (<see cref="AddPriorityRank"/>), because a full rank needs a sort.</para>
    /// </remarks>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names every invalid option.</exception>
    public static CustomerPipelineBuilder AddPriority(this CustomerPipelineBuilder builder, PriorityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new PriorityOptions();
        Validate(options, nameof(options));
        return builder.AddStage(new PriorityStage(options));
    }

    /// <summary>
    /// Adds <see cref="ColumnNames.PriorityRank"/>: 1..n in the total priority order (priority descending, a missing
    /// priority last, equal priorities by customer id, ordinal). It sorts the population (O(n log n)); for top-N lists
    /// and worklists use <see cref="PriorityRanking"/>, which does not.
    /// </summary>
    /// <param name="builder">The builder; a stage producing <see cref="ColumnNames.Priority"/> must come earlier.</param>
    /// <param name="name">The stage name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or already used.</exception>
    public static CustomerPipelineBuilder AddPriorityRank(this CustomerPipelineBuilder builder, string name = "priority-rank")
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddStage(new PriorityRankStage(Guard.NotBlank(name)));
    }

    internal static void Validate(PriorityOptions options, string parameter)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add("Name must not be empty.");
        }

        foreach (var (name, column) in new[]
        {
            (nameof(options.ValueColumn), options.ValueColumn), (nameof(options.ComplaintsColumn), options.ComplaintsColumn),
            (nameof(options.SatisfactionColumn), options.SatisfactionColumn), (nameof(options.PAliveColumn), options.PAliveColumn),
        })
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                errors.Add(name + " must not be empty.");
            }
        }

        CheckWeight(errors, nameof(options.ImportanceWeight), options.ImportanceWeight);
        CheckWeight(errors, nameof(options.UrgencyWeight), options.UrgencyWeight);
        if (!(options.ImportanceWeight + options.UrgencyWeight > 0))
        {
            errors.Add("At least one of ImportanceWeight and UrgencyWeight must be positive.");
        }

        CheckWeight(errors, nameof(options.OverdueWeight), options.OverdueWeight);
        CheckWeight(errors, nameof(options.ComplaintsWeight), options.ComplaintsWeight);
        CheckWeight(errors, nameof(options.SatisfactionWeight), options.SatisfactionWeight);
        CheckWeight(errors, nameof(options.PAliveWeight), options.PAliveWeight);
        if (!(options.OverdueWeight + options.ComplaintsWeight + options.SatisfactionWeight + options.PAliveWeight > 0))
        {
            errors.Add("At least one of OverdueWeight, ComplaintsWeight, SatisfactionWeight and PAliveWeight must be positive.");
        }

        if (!(options.OverdueSaturation > 1) || double.IsInfinity(options.OverdueSaturation))
        {
            errors.Add(Guard.Invariant($"OverdueSaturation must be finite and > 1; it was {options.OverdueSaturation}."));
        }

        if (!(options.ComplaintSaturation > 0) || double.IsInfinity(options.ComplaintSaturation))
        {
            errors.Add(Guard.Invariant($"ComplaintSaturation must be finite and > 0; it was {options.ComplaintSaturation}."));
        }

        if (!double.IsFinite(options.SatisfactionFloor))
        {
            errors.Add(Guard.Invariant($"SatisfactionFloor must be finite; it was {options.SatisfactionFloor}."));
        }

        if (!double.IsFinite(options.SatisfactionThreshold) || !(options.SatisfactionThreshold > options.SatisfactionFloor))
        {
            errors.Add(Guard.Invariant($"SatisfactionThreshold must be finite and > SatisfactionFloor ({options.SatisfactionFloor}); it was {options.SatisfactionThreshold}."));
        }

        CheckUnit(errors, nameof(options.ImportanceThreshold), options.ImportanceThreshold);
        CheckUnit(errors, nameof(options.UrgencyThreshold), options.UrgencyThreshold);
        CheckUnit(errors, nameof(options.ReasonThreshold), options.ReasonThreshold);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid PriorityOptions: " + string.Join(" ", errors), parameter);
        }
    }

    private static void CheckWeight(List<string> errors, string name, double weight)
    {
        if (!(weight >= 0) || double.IsInfinity(weight))
        {
            errors.Add(Guard.Invariant($"{name} must be finite and >= 0; it was {weight}."));
        }
    }

    private static void CheckUnit(List<string> errors, string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            errors.Add(Guard.Invariant($"{name} must be between 0 and 1; it was {value}."));
        }
    }
}
