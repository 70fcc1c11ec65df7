namespace CustomerValue.Allocation;

/// <summary>Why a customer the policy gives a manager could not be placed.</summary>
public enum UnplacedReason
{
    /// <summary>There are no managers in the run.</summary>
    NoManagers,

    /// <summary>The customer's workload weight exceeds every manager's workload capacity.</summary>
    WorkloadTooLarge,

    /// <summary>The managers' capacities are used up by customers of higher priority (total capacity too small).</summary>
    InsufficientCapacity,
}
