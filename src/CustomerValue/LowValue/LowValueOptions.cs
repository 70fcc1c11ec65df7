namespace CustomerValue;

/// <summary>
/// Options of the low-value stage (<see cref="LowValuePipelineBuilderExtensions.AddLowValueDetection"/>). Immutable.
/// Each criterion is optional (<see langword="null"/> = off); a missing (NaN) value never fires a criterion.
/// </summary>
public sealed record LowValueOptions
{
    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "low-value".</value>
    public string Name { get; init; } = "low-value";

    /// <summary>Gets the numeric column that measures value (contribution).</summary>
    /// <value>The default value is <see cref="ColumnNames.Revenue"/>.</value>
    public string ValueColumn { get; init; } = ColumnNames.Revenue;

    /// <summary>
    /// Gets the share of total value that the bottom customers hold together: the criterion fires for values up to the
    /// fitted threshold T, the largest value such that the positive values up to T sum to at most this share of all
    /// positive values (0 when even the smallest positive value is above that; zero and negative values always fire).
    /// </summary>
    /// <value>The default value is 0.05; allowed: strictly between 0 and 1, or <see langword="null"/> (off).</value>
    public double? BottomValueShare { get; init; } = 0.05;

    /// <summary>Gets the most orders (<see cref="ColumnNames.Orders"/>) at which the "few orders" criterion fires.</summary>
    /// <value>The default value is 1; allowed: >= 0, or <see langword="null"/> (off).</value>
    public int? MaxOrders { get; init; } = 1;

    /// <summary>Gets the fewest days since the last purchase (<see cref="ColumnNames.RecencyDays"/>) at which the "inactive" criterion fires.</summary>
    /// <value>The default value is 365; allowed: >= 0, or <see langword="null"/> (off).</value>
    public int? InactiveDays { get; init; } = 365;

    /// <summary>Gets the most interactions (<see cref="ColumnNames.Interactions"/>, then a required column) at which the "few interactions" criterion fires.</summary>
    /// <value>The default value is <see langword="null"/> (off); allowed: >= 0.</value>
    public int? MaxInteractions { get; init; }

    /// <summary>Gets the fewest complaints (<see cref="ColumnNames.Complaints"/>, then a required column) at which the "many complaints" criterion fires.</summary>
    /// <value>The default value is <see langword="null"/> (off); allowed: >= 1.</value>
    public int? MinComplaints { get; init; }

    /// <summary>Gets the highest satisfaction (<see cref="ColumnNames.Satisfaction"/>, then a required column) at which the "low satisfaction" criterion fires.</summary>
    /// <value>The default value is <see langword="null"/> (off); allowed: finite.</value>
    public double? MaxSatisfaction { get; init; }

    /// <summary>Gets how the enabled criteria combine into the low-value test.</summary>
    /// <value>The default value is <see cref="CriteriaCombination.AtLeast"/> (with <see cref="MinimumCriteria"/> = 2).</value>
    public CriteriaCombination Combination { get; init; } = CriteriaCombination.AtLeast;

    /// <summary>Gets how many enabled criteria must fire with <see cref="CriteriaCombination.AtLeast"/> (ignored otherwise).</summary>
    /// <value>The default value is 2; allowed: 1 up to the number of enabled criteria.</value>
    public int MinimumCriteria { get; init; } = 2;

    /// <summary>Gets the tenure (<see cref="ColumnNames.TenureDays"/>) below which a customer is new: potential evidence, and status "New" when not low value.</summary>
    /// <value>The default value is 90; allowed: >= 0 (0 = nobody is new).</value>
    public int NewCustomerDays { get; init; } = 90;

    /// <summary>Gets the optional column of stated potential scores, read when the population has it.</summary>
    /// <value>The default value is <see cref="ColumnNames.Potential"/>.</value>
    public string PotentialColumn { get; init; } = ColumnNames.Potential;

    /// <summary>Gets the stated potential above which (strictly) a customer has potential.</summary>
    /// <value>The default value is 0.5 (for scores 0..1; set it for another scale); allowed: finite, or <see langword="null"/> (evidence off).</value>
    public double? PotentialThreshold { get; init; } = 0.5;

    /// <summary>Gets the optional column of predicted future value (for example a CLV), read when the population has it.</summary>
    /// <value>The default value is "clv".</value>
    public string PredictedValueColumn { get; init; } = "clv";

    /// <summary>Gets the predicted value above which (strictly) a customer has potential.</summary>
    /// <value>The default value is <see langword="null"/> (evidence off: predicted values have no natural scale); allowed: finite.</value>
    public double? PredictedValueThreshold { get; init; }
}
