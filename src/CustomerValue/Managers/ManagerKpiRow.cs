namespace CustomerValue;

/// <summary>One account manager's KPIs from one scored snapshot (see <see cref="ManagerKpis"/>). Immutable.</summary>
/// <param name="Manager">The manager.</param>
/// <param name="Customers">The number of customers the manager holds, 1 or more.</param>
/// <param name="Value">The total value of those customers (missing values add nothing).</param>
/// <param name="Workload">The workload used: the sum of the customers' tier weights (<see cref="ManagerKpiOptions.WorkloadByTier"/>).</param>
/// <param name="Tiers">Customers and value per tier, one entry per tier label of the frame in tier order (empty tiers with zeros); customers without a tier are in none.</param>
/// <param name="ActNow">The number of customers in the quadrant <see cref="PriorityQuadrants.ActNow"/> (important and urgent).</param>
/// <param name="ActNowShare"><paramref name="ActNow"/> / <paramref name="Customers"/>, 0..1.</param>
/// <param name="AtRisk">The number of at-risk customers: quadrant act now or low-touch (urgent; see <see cref="ManagerKpiOptions"/>).</param>
/// <param name="AtRiskShare"><paramref name="AtRisk"/> / <paramref name="Customers"/>, 0..1.</param>
/// <param name="TopCustomers">The number of top customers the concentration counts: ceil(<see cref="ManagerKpiOptions.TopCustomerShare"/> x customers).</param>
/// <param name="Concentration">
/// The share of the manager's value held by the <paramref name="TopCustomers"/> most valuable customers, 0..1; negative and
/// missing values count as 0 so the share stays in 0..1; <see cref="double.NaN"/> when no customer has a positive value.
/// </param>
/// <param name="Complaints">The total complaints of the customers with a known complaint count.</param>
/// <param name="ComplaintsReported">The number of customers with a known complaint count (0 when the frame has no complaints column).</param>
/// <param name="ComplaintsPerCustomer"><paramref name="Complaints"/> / <paramref name="ComplaintsReported"/>, or <see cref="double.NaN"/> when none is known.</param>
/// <param name="SatisfactionResponses">The number of customers with a known satisfaction score (0 when the frame has no satisfaction column).</param>
/// <param name="AverageSatisfaction">The mean of the known satisfaction scores, or <see cref="double.NaN"/> when none is known.</param>
public sealed record ManagerKpiRow(
    string Manager,
    int Customers,
    double Value,
    double Workload,
    IReadOnlyList<ManagerTierKpi> Tiers,
    int ActNow,
    double ActNowShare,
    int AtRisk,
    double AtRiskShare,
    int TopCustomers,
    double Concentration,
    double Complaints,
    int ComplaintsReported,
    double ComplaintsPerCustomer,
    int SatisfactionResponses,
    double AverageSatisfaction);
