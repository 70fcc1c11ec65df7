namespace CustomerValue;

/// <summary>
/// Options of the priority stage (<see cref="PriorityPipelineBuilderExtensions.AddPriority"/>). Immutable.
/// </summary>
/// <remarks>
/// <para>Importance is the customer's value as a mid-rank percentile of the fitted population, 0..1.</para>
/// <para>
/// Urgency is the weighted mean, 0..1, of the risk factors that can be computed for the customer:
/// overdue = min(1, max(0, (ratio - 1) / (<see cref="OverdueSaturation"/> - 1))) with ratio = days since the last purchase
/// divided by the customer's average inter-purchase interval; complaints = min(1, complaints / <see cref="ComplaintSaturation"/>);
/// low satisfaction = min(1, max(0, (<see cref="SatisfactionThreshold"/> - satisfaction) / (<see cref="SatisfactionThreshold"/> - <see cref="SatisfactionFloor"/>)));
/// falling P(alive) = 1 - P(alive). A factor whose column is absent from the population, whose value is missing (NaN)
/// for the customer, or whose weight is 0 is left out and the remaining weights are renormalised; with no factor left,
/// urgency is 0 (no evidence of risk).
/// </para>
/// <para>Priority = (<see cref="ImportanceWeight"/> x importance + <see cref="UrgencyWeight"/> x urgency) / (<see cref="ImportanceWeight"/> + <see cref="UrgencyWeight"/>), 0..1.</para>
/// </remarks>
public sealed record PriorityOptions
{
    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "priority".</value>
    public string Name { get; init; } = "priority";

    /// <summary>Gets the numeric column that measures value; every customer needs a finite value.</summary>
    /// <value>The default value is <see cref="ColumnNames.Revenue"/>.</value>
    public string ValueColumn { get; init; } = ColumnNames.Revenue;

    /// <summary>Gets the optional column of complaint counts; read only when the population has it.</summary>
    /// <value>The default value is <see cref="ColumnNames.Complaints"/>.</value>
    public string ComplaintsColumn { get; init; } = ColumnNames.Complaints;

    /// <summary>Gets the optional column of satisfaction scores; read only when the population has it.</summary>
    /// <value>The default value is <see cref="ColumnNames.Satisfaction"/>.</value>
    public string SatisfactionColumn { get; init; } = ColumnNames.Satisfaction;

    /// <summary>Gets the optional column of probabilities that the customer is still active, 0..1; read only when the population has it.</summary>
    /// <value>The default value is "p_alive".</value>
    public string PAliveColumn { get; init; } = "p_alive";

    /// <summary>Gets the weight of importance in the priority.</summary>
    /// <value>The default value is 0.5; allowed: finite and >= 0, with a positive sum with <see cref="UrgencyWeight"/>.</value>
    public double ImportanceWeight { get; init; } = 0.5;

    /// <summary>Gets the weight of urgency in the priority.</summary>
    /// <value>The default value is 0.5; allowed: finite and >= 0.</value>
    public double UrgencyWeight { get; init; } = 0.5;

    /// <summary>Gets the weight of the overdue factor in the urgency.</summary>
    /// <value>The default value is 0.4; allowed: finite and >= 0, with a positive sum of the four factor weights.</value>
    public double OverdueWeight { get; init; } = 0.4;

    /// <summary>Gets the weight of the complaints factor in the urgency.</summary>
    /// <value>The default value is 0.2; allowed: finite and >= 0.</value>
    public double ComplaintsWeight { get; init; } = 0.2;

    /// <summary>Gets the weight of the low-satisfaction factor in the urgency.</summary>
    /// <value>The default value is 0.2; allowed: finite and >= 0.</value>
    public double SatisfactionWeight { get; init; } = 0.2;

    /// <summary>Gets the weight of the falling-P(alive) factor in the urgency.</summary>
    /// <value>The default value is 0.2; allowed: finite and >= 0.</value>
    public double PAliveWeight { get; init; } = 0.2;

    /// <summary>
    /// Gets the overdue ratio (days since the last purchase over the average inter-purchase interval) at which the
    /// overdue factor reaches 1; it is 0 up to a ratio of 1 and rises linearly in between.
    /// </summary>
    /// <value>The default value is 3; allowed: finite and > 1.</value>
    public double OverdueSaturation { get; init; } = 3;

    /// <summary>Gets the number of complaints at which the complaints factor reaches 1.</summary>
    /// <value>The default value is 3; allowed: finite and > 0.</value>
    public double ComplaintSaturation { get; init; } = 3;

    /// <summary>Gets the satisfaction score below which satisfaction counts as low (the factor is 0 at or above it).</summary>
    /// <value>The default value is 7 (for scores 0..10); allowed: finite and > <see cref="SatisfactionFloor"/>.</value>
    public double SatisfactionThreshold { get; init; } = 7;

    /// <summary>Gets the satisfaction score at or below which the low-satisfaction factor is 1.</summary>
    /// <value>The default value is 0; allowed: finite.</value>
    public double SatisfactionFloor { get; init; }

    /// <summary>Gets the importance at or above which a customer is important (quadrant and the "high value" reason).</summary>
    /// <value>The default value is 0.5; allowed 0..1.</value>
    public double ImportanceThreshold { get; init; } = 0.5;

    /// <summary>Gets the urgency at or above which a customer is urgent (quadrant).</summary>
    /// <value>The default value is 0.5; allowed 0..1.</value>
    public double UrgencyThreshold { get; init; } = 0.5;

    /// <summary>Gets the smallest positive urgency factor that is reported as a reason (smaller factors still count in the urgency).</summary>
    /// <value>The default value is 0.1; allowed 0..1 (0 reports every positive factor).</value>
    public double ReasonThreshold { get; init; } = 0.1;
}
