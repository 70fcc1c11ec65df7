namespace CustomerValue;

/// <summary>
/// Options of <see cref="ManagerKpis.Create(CustomerFrame, ManagerKpiOptions?)"/> and
/// <see cref="ManagerChanges.Create(CustomerFrame, CustomerFrame, ManagerKpiOptions?)"/>: which columns hold the manager,
/// tier, value, quadrant and service attributes, the workload weight of each tier, and the concentration share. Immutable.
/// </summary>
/// <remarks>
/// An "at-risk" customer is one the priority stage found urgent: quadrant <see cref="PriorityQuadrants.ActNow"/> or
/// <see cref="PriorityQuadrants.LowTouch"/>, that is urgency (risk of loss: overdue against the customer's own rhythm,
/// complaints, low satisfaction, falling P(alive)) at or above the fitted <see cref="PriorityOptions.UrgencyThreshold"/>.
/// The quadrant is used rather than a second threshold on urgency so the KPI agrees with the worklists the manager sees.
/// </remarks>
public sealed record ManagerKpiOptions
{
    /// <summary>Gets the column naming each customer's account manager (text or category; a missing or empty value = no manager).</summary>
    /// <value>The default value is <see cref="ColumnNames.AccountManager"/>.</value>
    public string ManagerColumn { get; init; } = ColumnNames.AccountManager;

    /// <summary>Gets the tier column (category or text); a category column's order is the rank order, best first.</summary>
    /// <value>The default value is <see cref="ColumnNames.Tier"/>.</value>
    public string TierColumn { get; init; } = ColumnNames.Tier;

    /// <summary>Gets the numeric column that measures value; missing values (NaN) add nothing.</summary>
    /// <value>The default value is <see cref="ColumnNames.Revenue"/>.</value>
    public string ValueColumn { get; init; } = ColumnNames.Revenue;

    /// <summary>Gets the quadrant column the priority stage writes (category).</summary>
    /// <value>The default value is <see cref="ColumnNames.Quadrant"/>.</value>
    public string QuadrantColumn { get; init; } = ColumnNames.Quadrant;

    /// <summary>Gets the optional numeric column of complaint counts; read only when the frame has it, missing values skipped.</summary>
    /// <value>The default value is <see cref="ColumnNames.Complaints"/>.</value>
    public string ComplaintsColumn { get; init; } = ColumnNames.Complaints;

    /// <summary>Gets the optional numeric column of satisfaction scores; read only when the frame has it, missing values skipped.</summary>
    /// <value>The default value is <see cref="ColumnNames.Satisfaction"/>.</value>
    public string SatisfactionColumn { get; init; } = ColumnNames.Satisfaction;

    /// <summary>
    /// Gets the workload weight of a customer by tier label (ordinal comparison), each finite and &gt; 0; the same table as
    /// the allocation package's <c>AllocationOptions.WorkloadByTier</c>, so KPIs and plans count workload alike.
    /// </summary>
    /// <value>The default value is empty: every tier weighs <see cref="DefaultWorkload"/>.</value>
    public IReadOnlyDictionary<string, double> WorkloadByTier { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Gets the workload weight of tiers missing from <see cref="WorkloadByTier"/> and of customers without a tier.</summary>
    /// <value>The default value is 1; allowed: finite and &gt; 0.</value>
    public double DefaultWorkload { get; init; } = 1;

    /// <summary>
    /// Gets the share of a manager's customers whose value the concentration KPI measures: the top
    /// ceil(<see cref="TopCustomerShare"/> x customers) customers by value.
    /// </summary>
    /// <value>The default value is 0.1 (the top 10%); allowed: greater than 0 and at most 1.</value>
    public double TopCustomerShare { get; init; } = 0.1;
}
