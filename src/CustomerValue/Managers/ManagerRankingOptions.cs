namespace CustomerValue;

/// <summary>
/// The weights of the composite score of <see cref="ManagerRanking.Rank"/>. Each must be finite and &gt;= 0, and at least
/// one positive. Immutable.
/// </summary>
/// <remarks>Only the ratios matter: the score divides by the sum of the weights of the components it could compute.</remarks>
public sealed record ManagerRankingOptions
{
    /// <summary>Gets the weight of the portfolio value (<see cref="ManagerKpiRow.Value"/>; higher is better).</summary>
    /// <value>The default value is 0.2.</value>
    public double ValueWeight { get; init; } = 0.2;

    /// <summary>Gets the weight of the at-risk share (<see cref="ManagerKpiRow.AtRiskShare"/>; lower is better).</summary>
    /// <value>The default value is 0.2.</value>
    public double AtRiskWeight { get; init; } = 0.2;

    /// <summary>Gets the weight of the average satisfaction (<see cref="ManagerKpiRow.AverageSatisfaction"/>; higher is better).</summary>
    /// <value>The default value is 0.15.</value>
    public double SatisfactionWeight { get; init; } = 0.15;

    /// <summary>Gets the weight of the complaints per customer (<see cref="ManagerKpiRow.ComplaintsPerCustomer"/>; lower is better).</summary>
    /// <value>The default value is 0.15.</value>
    public double ComplaintsWeight { get; init; } = 0.15;

    /// <summary>Gets the weight of the value concentration (<see cref="ManagerKpiRow.Concentration"/>; lower is better: less depends on a few customers).</summary>
    /// <value>The default value is 0.1.</value>
    public double ConcentrationWeight { get; init; } = 0.1;

    /// <summary>Gets the weight of the retention rate (<see cref="ManagerChangeRow.RetentionRate"/>, two snapshots only; higher is better).</summary>
    /// <value>The default value is 0.1.</value>
    public double RetentionWeight { get; init; } = 0.1;

    /// <summary>Gets the weight of the like-for-like value growth (<see cref="ManagerChangeRow.RetainedValueGrowth"/>, two snapshots only; higher is better).</summary>
    /// <value>The default value is 0.1.</value>
    public double GrowthWeight { get; init; } = 0.1;
}
