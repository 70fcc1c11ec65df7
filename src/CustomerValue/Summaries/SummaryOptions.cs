namespace CustomerValue;

/// <summary>Options for <see cref="CustomerSummaries.FromTransactions(IEnumerable{Transaction}, SummaryOptions)"/>. Immutable.</summary>
public sealed record SummaryOptions
{
    /// <summary>Gets the as-of date: recency and T are measured to it, and later transactions are excluded and reported.</summary>
    /// <value>Required; there is no default, because the library never reads the clock.</value>
    public required DateOnly AsOf { get; init; }

    /// <summary>Gets the period of the model summary (frequency, recency, T).</summary>
    /// <value>The default value is <see cref="SummaryPeriod.Day"/>.</value>
    public SummaryPeriod ModelPeriod { get; init; } = SummaryPeriod.Day;

    /// <summary>Gets what to do with negative amounts.</summary>
    /// <value>The default value is <see cref="NegativeAmountHandling.Reject"/>.</value>
    public NegativeAmountHandling NegativeAmounts { get; init; } = NegativeAmountHandling.Reject;

    /// <summary>Gets what to do with invalid transactions (blank ids, rejected negative amounts).</summary>
    /// <value>The default value is <see cref="InvalidTransactionHandling.Throw"/>.</value>
    public InvalidTransactionHandling InvalidTransactions { get; init; } = InvalidTransactionHandling.Throw;

    /// <summary>Gets what the classic frequency counts.</summary>
    /// <value>The default value is <see cref="FrequencyDefinition.Orders"/>.</value>
    public FrequencyDefinition Frequency { get; init; } = FrequencyDefinition.Orders;

    /// <summary>Gets what the classic monetary value measures.</summary>
    /// <value>The default value is <see cref="MonetaryDefinition.Total"/>.</value>
    public MonetaryDefinition Monetary { get; init; } = MonetaryDefinition.Total;

    /// <summary>Gets the length in days of the growth windows: spend in the last window (ending on the as-of date) and in the one before it.</summary>
    /// <value>The default value is 90; allowed 1..3660.</value>
    public int GrowthWindowDays { get; init; } = 90;
}
