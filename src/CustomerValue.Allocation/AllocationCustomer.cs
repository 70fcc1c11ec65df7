namespace CustomerValue.Allocation;

/// <summary>
/// One customer to allocate: the decision stages' outputs as plain values, the attributes skills are matched on,
/// and the current account manager. Immutable.
/// </summary>
/// <param name="Id">The customer id: non-blank and unique (ordinal comparison).</param>
/// <param name="Tier">The tier label (e.g. "A"); the workload weight comes from <see cref="AllocationOptions.WorkloadByTier"/>.</param>
/// <param name="Status">The value-status label (e.g. "valuable", "potential"), or <see langword="null"/> when there is none.</param>
/// <param name="Priority">The service priority, 0..1 (1 = most urgent attention).</param>
/// <param name="Value">The customer's value (e.g. revenue), finite; it is reported in portfolios.</param>
/// <param name="Industry">The industry label matched against managers' industries, or <see langword="null"/> (never a mismatch).</param>
/// <param name="Region">The region label matched against managers' regions, or <see langword="null"/> (never a mismatch).</param>
/// <param name="CurrentManagerId">The current account manager's id, or <see langword="null"/> when the customer has none.</param>
public sealed record AllocationCustomer(
    string Id,
    string Tier,
    string? Status,
    double Priority,
    double Value,
    string? Industry,
    string? Region,
    string? CurrentManagerId);
