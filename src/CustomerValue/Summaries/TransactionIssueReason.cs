namespace CustomerValue;

/// <summary>Why a transaction was excluded from the summaries.</summary>
public enum TransactionIssueReason
{
    /// <summary>The customer id is null, empty or whitespace.</summary>
    MissingCustomerId,

    /// <summary>The amount is negative and <see cref="SummaryOptions.NegativeAmounts"/> does not net returns.</summary>
    NegativeAmount,

    /// <summary>The transaction is dated after the as-of date.</summary>
    AfterAsOfDate,

    /// <summary>A return (netted by <see cref="NegativeAmountHandling.NetAsReturn"/>) of a customer with no purchase up to the as-of date.</summary>
    ReturnWithoutPurchase,
}
