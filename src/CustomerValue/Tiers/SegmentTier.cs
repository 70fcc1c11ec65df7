namespace CustomerValue;

/// <summary>One tier of a segment tiering (<see cref="SegmentTierOptions.Tiers"/>) and the segments it covers. Immutable.</summary>
/// <param name="Name">The tier name.</param>
/// <param name="Segments">The segment names (ordinal comparison) whose customers get this tier.</param>
public sealed record SegmentTier(string Name, IReadOnlyList<string> Segments);
