namespace CustomerValue;

/// <summary>What the classic RFM frequency counts.</summary>
public enum FrequencyDefinition
{
    /// <summary>Orders (purchase transactions). The default, as in R <c>rfm</c>.</summary>
    Orders,

    /// <summary>Distinct purchase days.</summary>
    PurchaseDays,
}
