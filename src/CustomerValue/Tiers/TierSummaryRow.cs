namespace CustomerValue;

/// <summary>One tier's line in a <see cref="TierSummary"/>. Immutable.</summary>
/// <param name="Tier">The tier name.</param>
/// <param name="Customers">The number of customers in the tier.</param>
/// <param name="CustomerShare">Their share of the customers with a tier, 0..1.</param>
/// <param name="Value">The sum of their values (missing values count as 0).</param>
/// <param name="ValueShare">The tier's value divided by the total value of the customers with a tier (0 when the total is 0); a valueless tier's share is 0 or negative.</param>
public sealed record TierSummaryRow(string Tier, int Customers, double CustomerShare, double Value, double ValueShare);
