namespace CustomerValue.Allocation;

/// <summary>How a customer is served in a plan.</summary>
public enum AssignmentKind
{
    /// <summary>By a dedicated account manager.</summary>
    Manager,

    /// <summary>By a service channel (pooled team, automated service).</summary>
    Channel,

    /// <summary>The policy gives the customer a manager, but no manager had room; see <see cref="AllocationPlan.Unplaced"/>.</summary>
    Unplaced,
}
