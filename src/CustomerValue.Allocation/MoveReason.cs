namespace CustomerValue.Allocation;

/// <summary>Why a plan changes a customer's manager or service.</summary>
public enum MoveReason
{
    /// <summary>The customer had no manager and now gets one.</summary>
    New,

    /// <summary>The new manager matches the customer's industry or region better than the current one.</summary>
    SkillMatch,

    /// <summary>The move balances workload, value or seniority across managers.</summary>
    Rebalancing,

    /// <summary>The current manager's capacity is smaller than the customers they hold.</summary>
    OverCapacity,

    /// <summary>The policy moves the customer from a manager to a channel.</summary>
    ChannelChange,

    /// <summary>The current manager is not among the managers of this run (left, or unknown id).</summary>
    ManagerUnavailable,
}
