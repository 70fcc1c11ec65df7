namespace CustomerValue;

/// <summary>
/// Options of the ABC (Pareto) tier stage (<see cref="TierPipelineBuilderExtensions.AddAbcTiers"/>). Immutable.
/// </summary>
/// <remarks>
/// Customers are ranked by value, highest first, and equal values are grouped. Tier A is the smallest set of top
/// value groups whose share of the total positive value reaches <see cref="ACutoff"/>; so the group that crosses the
/// cut-off joins A whole, ties included. B is the smallest set of top groups reaching <see cref="BCutoff"/>, less A;
/// C is every other customer with a positive value. Customers with zero or negative value are
/// <see cref="ValuelessTier"/>, never C, and do not count in the total. A missing value (NaN) gets no tier.
/// Fitting freezes the two value thresholds (the lowest A value and the lowest B value), so a saved model
/// classifies next month's customers by the same values.
/// </remarks>
public sealed record AbcTierOptions
{
    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "abc-tiers".</value>
    public string Name { get; init; } = "abc-tiers";

    /// <summary>Gets the numeric column holding the value measure (revenue, monetary, rfm_score, a CLV or margin column).</summary>
    /// <value>The default value is <see cref="ColumnNames.Revenue"/>.</value>
    public string ValueColumn { get; init; } = ColumnNames.Revenue;

    /// <summary>Gets the column the tier is written to; change it to run two tier stages in one pipeline.</summary>
    /// <value>The default value is <see cref="ColumnNames.Tier"/>.</value>
    public string OutputColumn { get; init; } = ColumnNames.Tier;

    /// <summary>Gets the share of total positive value tier A reaches, as a fraction (0.8 = 80%).</summary>
    /// <value>The default value is 0.80; allowed: greater than 0 and less than <see cref="BCutoff"/>.</value>
    public double ACutoff { get; init; } = 0.80;

    /// <summary>Gets the share of total positive value tiers A and B together reach, as a fraction.</summary>
    /// <value>The default value is 0.95; allowed: greater than <see cref="ACutoff"/> and at most 1.</value>
    public double BCutoff { get; init; } = 0.95;

    /// <summary>Gets the name of tier A.</summary>
    /// <value>The default value is "A".</value>
    public string ATier { get; init; } = "A";

    /// <summary>Gets the name of tier B.</summary>
    /// <value>The default value is "B".</value>
    public string BTier { get; init; } = "B";

    /// <summary>Gets the name of tier C.</summary>
    /// <value>The default value is "C".</value>
    public string CTier { get; init; } = "C";

    /// <summary>Gets the name of the tier of customers with zero or negative value.</summary>
    /// <value>The default value is "Valueless".</value>
    public string ValuelessTier { get; init; } = "Valueless";
}
