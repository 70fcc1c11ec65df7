namespace CustomerValue;

/// <summary>The period the model summary counts in.</summary>
public enum SummaryPeriod
{
    /// <summary>Calendar days.</summary>
    Day,

    /// <summary>Weeks starting on Monday.</summary>
    Week,
}
