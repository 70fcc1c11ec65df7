namespace CustomerValue;

/// <summary>What the summaries do with a transaction whose amount is negative (a return).</summary>
public enum NegativeAmountHandling
{
    /// <summary>Reject it: throw, or with <see cref="InvalidTransactionHandling.Skip"/> exclude and report it. The default.</summary>
    Reject,

    /// <summary>Net it against the customer's revenue as a return; it is not an order and does not change recency.</summary>
    NetAsReturn,

    /// <summary>Exclude it and report it (reason <see cref="TransactionIssueReason.NegativeAmount"/>), without failing.</summary>
    Ignore,
}
