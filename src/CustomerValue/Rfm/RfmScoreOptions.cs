namespace CustomerValue;

/// <summary>Options of the RFM scoring stage (<see cref="RfmPipelineBuilderExtensions.AddRfmScores"/>). Immutable.</summary>
public sealed record RfmScoreOptions
{
    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "rfm".</value>
    public string Name { get; init; } = "rfm";

    /// <summary>Gets the number of scores per dimension, k: scores run 1..k, so codes stay one digit.</summary>
    /// <value>The default value is 5; allowed 2..9.</value>
    public int Bins { get; init; } = 5;

    /// <summary>Gets how cut points are learned.</summary>
    /// <value>The default value is <see cref="BinningMethod.BalancedQuantiles"/>.</value>
    public BinningMethod Method { get; init; } = BinningMethod.BalancedQuantiles;

    /// <summary>Gets the k - 1 strictly increasing recency cut points in days, for <see cref="BinningMethod.FixedCutPoints"/> (fewer days scores higher).</summary>
    /// <value>The default value is <see langword="null"/>; required with fixed cut points.</value>
    public IReadOnlyList<double>? RecencyCutPoints { get; init; }

    /// <summary>Gets the k - 1 strictly increasing frequency cut points, for <see cref="BinningMethod.FixedCutPoints"/>.</summary>
    /// <value>The default value is <see langword="null"/>; required with fixed cut points.</value>
    public IReadOnlyList<double>? FrequencyCutPoints { get; init; }

    /// <summary>Gets the k - 1 strictly increasing monetary cut points, for <see cref="BinningMethod.FixedCutPoints"/>.</summary>
    /// <value>The default value is <see langword="null"/>; required with fixed cut points.</value>
    public IReadOnlyList<double>? MonetaryCutPoints { get; init; }

    /// <summary>Gets the weight of R in the weighted score <c>(wR R + wF F + wM M) / (wR + wF + wM)</c>.</summary>
    /// <value>The default value is 1; allowed: finite and >= 0, with a positive sum of weights.</value>
    public double RecencyWeight { get; init; } = 1;

    /// <summary>Gets the weight of F in the weighted score.</summary>
    /// <value>The default value is 1.</value>
    public double FrequencyWeight { get; init; } = 1;

    /// <summary>Gets the weight of M in the weighted score.</summary>
    /// <value>The default value is 1.</value>
    public double MonetaryWeight { get; init; } = 1;

    /// <summary>Gets the column recency is read from (days since the last purchase).</summary>
    /// <value>The default value is <see cref="ColumnNames.RecencyDays"/>.</value>
    public string RecencyColumn { get; init; } = ColumnNames.RecencyDays;

    /// <summary>Gets the column frequency is read from.</summary>
    /// <value>The default value is <see cref="ColumnNames.Frequency"/>.</value>
    public string FrequencyColumn { get; init; } = ColumnNames.Frequency;

    /// <summary>Gets the column the monetary value is read from.</summary>
    /// <value>The default value is <see cref="ColumnNames.Monetary"/>.</value>
    public string MonetaryColumn { get; init; } = ColumnNames.Monetary;
}
