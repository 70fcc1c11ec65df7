namespace CustomerValue;

/// <summary>
/// Options of the threshold tier stage (<see cref="TierPipelineBuilderExtensions.AddThresholdTiers"/>): fixed
/// thresholds on any numeric or score column, so nothing is learned from the population. Immutable.
/// </summary>
/// <remarks>
/// A customer gets the first tier whose <see cref="ThresholdTier.MinValue"/> the value reaches (value &gt;= MinValue),
/// with the tiers listed from the highest threshold down; below every threshold, <see cref="RestTier"/>. A missing
/// value (NaN, or score 0) gets no tier.
/// </remarks>
public sealed record ThresholdTierOptions
{
    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "threshold-tiers".</value>
    public string Name { get; init; } = "threshold-tiers";

    /// <summary>Gets the numeric or score column the thresholds apply to.</summary>
    /// <value>The default value is <see cref="ColumnNames.Revenue"/>.</value>
    public string ValueColumn { get; init; } = ColumnNames.Revenue;

    /// <summary>Gets the column the tier is written to.</summary>
    /// <value>The default value is <see cref="ColumnNames.Tier"/>.</value>
    public string OutputColumn { get; init; } = ColumnNames.Tier;

    /// <summary>
    /// Gets the tiers with their thresholds, strictly decreasing, for example Platinum 10000, Gold 2000, Silver 500.
    /// </summary>
    /// <value>The default value is empty; at least one tier is required.</value>
    public IReadOnlyList<ThresholdTier> Tiers { get; init; } = [];

    /// <summary>Gets the tier of the customers below every threshold.</summary>
    /// <value>The default value is "Rest".</value>
    public string RestTier { get; init; } = "Rest";
}
