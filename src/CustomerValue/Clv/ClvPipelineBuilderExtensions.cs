using CustomerValue.Internal;
using CustomerValue.Models;

namespace CustomerValue;

/// <summary>Adds the customer-lifetime-value stage to a pipeline.</summary>
public static class ClvPipelineBuilderExtensions
{
    /// <summary>
    /// Adds CLV columns from a buy-till-you-die purchase model and a Gamma-Gamma spend model fitted on the model summary:
    /// <see cref="ColumnNames.ProbabilityAlive"/>, <see cref="ColumnNames.ExpectedPurchases"/> (over the horizon),
    /// <see cref="ColumnNames.ExpectedSpend"/> and <see cref="ColumnNames.Clv"/> (discounted). The decision stages use
    /// them when present: tiers on <c>clv</c>, urgency from <c>p_alive</c>, potential from predicted value.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names every invalid option.</exception>
    public static CustomerPipelineBuilder AddClv(this CustomerPipelineBuilder builder, ClvStageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new ClvStageOptions();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add("Name must not be empty.");
        }

        if (!Enum.IsDefined(options.Model))
        {
            errors.Add(Guard.Invariant($"Model must be one of {string.Join(", ", Enum.GetNames<PurchaseModelKind>())}; it was {(int)options.Model}."));
        }

        if (options.SummaryUnit is not (ModelTimeUnit.Day or ModelTimeUnit.Week))
        {
            errors.Add(Guard.Invariant($"SummaryUnit must be Day or Week (the SummaryOptions.ModelPeriod of the summaries); it was {options.SummaryUnit}."));
        }

        if (!(options.Horizon.Value > 0) || double.IsInfinity(options.Horizon.Value))
        {
            errors.Add(Guard.Invariant($"Horizon must be a positive, finite length; it was {options.Horizon.Value} {options.Horizon.Unit}."));
        }

        if (!(options.DiscountRate.Rate >= 0) || double.IsInfinity(options.DiscountRate.Rate))
        {
            errors.Add(Guard.Invariant($"DiscountRate must be finite and >= 0; it was {options.DiscountRate.Rate} per {options.DiscountRate.Unit}."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ClvStageOptions: " + string.Join(" ", errors), nameof(options));
        }

        return builder.AddStage(new Clv.ClvStage(options));
    }
}
