namespace CustomerValue.Allocation;

/// <summary>An account manager: capacity, skills and seniority. Immutable.</summary>
/// <param name="Id">The manager id: non-blank and unique (ordinal comparison).</param>
/// <param name="MaxCustomers">The most customers the manager can serve, &gt;= 0, or <see langword="null"/> for no count limit.</param>
/// <param name="MaxWorkload">
/// The most workload (sum of the customers' tier weights, <see cref="AllocationOptions.WorkloadByTier"/>) the manager can carry,
/// finite and &gt;= 0, or <see langword="null"/> for no workload limit.
/// </param>
/// <param name="Industries">The industries the manager knows; a customer of another industry costs <see cref="AllocationOptions.IndustryMismatchCost"/>.</param>
/// <param name="Regions">The regions the manager covers; a customer of another region costs <see cref="AllocationOptions.RegionMismatchCost"/>.</param>
/// <param name="Seniority">The seniority level, any integer (higher = more senior); only the order of the levels matters.</param>
public sealed record AccountManager(
    string Id,
    int? MaxCustomers,
    double? MaxWorkload,
    IReadOnlyList<string> Industries,
    IReadOnlyList<string> Regions,
    int Seniority);
