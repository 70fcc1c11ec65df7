namespace CustomerValue;

/// <summary>One tier of a threshold tiering (<see cref="ThresholdTierOptions.Tiers"/>): customers whose value is at least <paramref name="MinValue"/>. Immutable.</summary>
/// <param name="Name">The tier name.</param>
/// <param name="MinValue">The smallest value in the tier (inclusive), a finite number.</param>
public sealed record ThresholdTier(string Name, double MinValue);
