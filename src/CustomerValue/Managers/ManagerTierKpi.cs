namespace CustomerValue;

/// <summary>A manager's customers and value in one tier. Immutable.</summary>
/// <param name="Tier">The tier label.</param>
/// <param name="Customers">The number of the manager's customers in the tier.</param>
/// <param name="Value">Their total value (missing values add nothing).</param>
public sealed record ManagerTierKpi(string Tier, int Customers, double Value);
