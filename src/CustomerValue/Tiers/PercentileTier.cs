namespace CustomerValue;

/// <summary>One band of a count-percentile tiering (<see cref="PercentileTierOptions.Tiers"/>). Immutable.</summary>
/// <param name="Name">The tier name.</param>
/// <param name="Share">The share of customers the band holds, as a fraction (0.2 = 20%), greater than 0.</param>
public sealed record PercentileTier(string Name, double Share);
