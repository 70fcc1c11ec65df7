namespace CustomerValue;

/// <summary>What the classic RFM monetary value measures.</summary>
public enum MonetaryDefinition
{
    /// <summary>Net revenue: the sum of amounts. The default, as in R <c>rfm</c>.</summary>
    Total,

    /// <summary>Average order value: net revenue divided by orders.</summary>
    AverageOrderValue,
}
