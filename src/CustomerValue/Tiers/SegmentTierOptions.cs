namespace CustomerValue;

/// <summary>
/// Options of the segment tier stage (<see cref="TierPipelineBuilderExtensions.AddSegmentTiers"/>): a tier from a
/// segment, through a fixed map. Immutable.
/// </summary>
/// <remarks>
/// A missing segment gets no tier. A segment no tier lists gets <see cref="DefaultTier"/>; without one, fitting (and
/// scoring) fails and names the segment. For a category column every category is checked, used or not, so a frozen
/// model cannot meet an unmapped segment of the same segment stage later.
/// </remarks>
public sealed record SegmentTierOptions
{
    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "segment-tiers".</value>
    public string Name { get; init; } = "segment-tiers";

    /// <summary>Gets the category or text column holding the segment.</summary>
    /// <value>The default value is <see cref="ColumnNames.Segment"/>.</value>
    public string SegmentColumn { get; init; } = ColumnNames.Segment;

    /// <summary>Gets the column the tier is written to.</summary>
    /// <value>The default value is <see cref="ColumnNames.Tier"/>.</value>
    public string OutputColumn { get; init; } = ColumnNames.Tier;

    /// <summary>Gets the tiers in order, each with its segments; a segment belongs to at most one tier.</summary>
    /// <value>The default value is empty; at least one tier is required.</value>
    public IReadOnlyList<SegmentTier> Tiers { get; init; } = [];

    /// <summary>Gets the tier of segments no tier lists, or <see langword="null"/> to fail on such a segment.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DefaultTier { get; init; }
}
