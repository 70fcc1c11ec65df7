namespace CustomerValue.Allocation;

/// <summary>A manager's portfolio in a plan: customers and value per tier, workload against capacity. Immutable.</summary>
/// <param name="ManagerId">The manager id.</param>
/// <param name="Customers">The number of customers.</param>
/// <param name="Value">The total value of the customers.</param>
/// <param name="Workload">The total workload (sum of the customers' tier weights).</param>
/// <param name="MaxCustomers">The manager's customer capacity, or <see langword="null"/> for none.</param>
/// <param name="MaxWorkload">The manager's workload capacity, or <see langword="null"/> for none.</param>
/// <param name="CustomersByTier">The number of customers per tier label (ordinal order; tiers without customers are absent).</param>
/// <param name="ValueByTier">The value per tier label (ordinal order; tiers without customers are absent).</param>
public sealed record ManagerPortfolio(
    string ManagerId,
    int Customers,
    double Value,
    double Workload,
    int? MaxCustomers,
    double? MaxWorkload,
    IReadOnlyDictionary<string, int> CustomersByTier,
    IReadOnlyDictionary<string, double> ValueByTier)
{
    /// <summary>Gets the workload as a share of <see cref="MaxWorkload"/> (0 when the capacity is 0), or <see langword="null"/> without a workload capacity.</summary>
    public double? WorkloadUtilisation => MaxWorkload is { } max ? (max > 0 ? Workload / max : 0) : null;
}
