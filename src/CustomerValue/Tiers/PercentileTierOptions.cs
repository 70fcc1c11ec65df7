namespace CustomerValue;

/// <summary>
/// Options of the count-percentile tier stage (<see cref="TierPipelineBuilderExtensions.AddPercentileTiers"/>). Immutable.
/// </summary>
/// <remarks>
/// Customers are ranked by value, highest first, and equal values are grouped. With bands of shares s1, s2, ... the
/// first tier is the smallest set of top value groups holding at least ceil(s1 n) customers, the first two tiers
/// together the smallest set holding at least ceil((s1 + s2) n), and so on; the rest get <see cref="RestTier"/>.
/// So the value group that crosses a band's edge joins the higher tier whole: ties never straddle, and a higher tier
/// can hold more than its share (a later band can then be empty). n counts the customers with a value; a missing
/// value (NaN) gets no tier. Fitting freezes the lowest value of each band.
/// </remarks>
public sealed record PercentileTierOptions
{
    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "percentile-tiers".</value>
    public string Name { get; init; } = "percentile-tiers";

    /// <summary>Gets the numeric column holding the value measure.</summary>
    /// <value>The default value is <see cref="ColumnNames.Revenue"/>.</value>
    public string ValueColumn { get; init; } = ColumnNames.Revenue;

    /// <summary>Gets the column the tier is written to.</summary>
    /// <value>The default value is <see cref="ColumnNames.Tier"/>.</value>
    public string OutputColumn { get; init; } = ColumnNames.Tier;

    /// <summary>Gets the bands from the top, each with its share of customers; the shares sum to at most 1.</summary>
    /// <value>The default value is Top 20%, then Middle 30%.</value>
    public IReadOnlyList<PercentileTier> Tiers { get; init; } = [new("Top", 0.20), new("Middle", 0.30)];

    /// <summary>Gets the tier of the customers below every band.</summary>
    /// <value>The default value is "Bottom".</value>
    public string RestTier { get; init; } = "Bottom";
}
