namespace CustomerValue.Allocation;

/// <summary>A customer the policy gives a manager, but the plan could not place. Immutable.</summary>
/// <param name="CustomerId">The customer id.</param>
/// <param name="Reason">Why.</param>
/// <param name="Detail">A sentence with the numbers behind the reason (capacity, demand, the customer's workload).</param>
public sealed record UnplacedCustomer(string CustomerId, UnplacedReason Reason, string Detail);
