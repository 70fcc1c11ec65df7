namespace CustomerValue;

/// <summary>
/// A manager's place in <see cref="ManagerRanking.Rank"/>: the composite score and its components. Each component is the
/// manager's mid-rank percentile among the managers whose KPI is known, oriented so that 1 is best, or
/// <see cref="double.NaN"/> when the KPI is unknown for the manager (left out of the score). Immutable.
/// </summary>
/// <param name="Rank">The rank, 1 = best; a total order (score descending, an unknown score last, then manager id, ordinal).</param>
/// <param name="Manager">The manager.</param>
/// <param name="Score">The composite score, 0..1, or <see cref="double.NaN"/> when no weighted component is known.</param>
/// <param name="ValueScore">The percentile of the portfolio value (higher value scores higher).</param>
/// <param name="AtRiskScore">The percentile of the at-risk share (a lower share scores higher).</param>
/// <param name="SatisfactionScore">The percentile of the average satisfaction (higher satisfaction scores higher).</param>
/// <param name="ComplaintsScore">The percentile of the complaints per customer (fewer complaints score higher).</param>
/// <param name="ConcentrationScore">The percentile of the value concentration (lower concentration scores higher).</param>
/// <param name="RetentionScore">The percentile of the retention rate (higher retention scores higher).</param>
/// <param name="GrowthScore">The percentile of the like-for-like value growth (higher growth scores higher).</param>
public sealed record ManagerRank(
    int Rank,
    string Manager,
    double Score,
    double ValueScore,
    double AtRiskScore,
    double SatisfactionScore,
    double ComplaintsScore,
    double ConcentrationScore,
    double RetentionScore,
    double GrowthScore);
