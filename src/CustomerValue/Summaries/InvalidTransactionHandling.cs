namespace CustomerValue;

/// <summary>What the summaries do with an invalid transaction (blank customer id, rejected negative amount).</summary>
public enum InvalidTransactionHandling
{
    /// <summary>Throw an exception naming the row, the reason and this option. The default.</summary>
    Throw,

    /// <summary>Exclude the transaction and report it in <see cref="SummaryResult.Issues"/>.</summary>
    Skip,
}
