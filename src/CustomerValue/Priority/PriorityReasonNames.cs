namespace CustomerValue;

/// <summary>The flag names of <see cref="ColumnNames.PriorityReasons"/>, in flag (bit) order.</summary>
public static class PriorityReasonNames
{
    /// <summary>Importance at or above <see cref="PriorityOptions.ImportanceThreshold"/>.</summary>
    public const string HighValue = "high value";

    /// <summary>The overdue factor is at least <see cref="PriorityOptions.ReasonThreshold"/> (and positive).</summary>
    public const string Overdue = "overdue";

    /// <summary>The complaints factor is at least <see cref="PriorityOptions.ReasonThreshold"/> (and positive).</summary>
    public const string Complaints = "complaints";

    /// <summary>The low-satisfaction factor is at least <see cref="PriorityOptions.ReasonThreshold"/> (and positive).</summary>
    public const string LowSatisfaction = "low satisfaction";

    /// <summary>The falling-P(alive) factor, 1 - P(alive), is at least <see cref="PriorityOptions.ReasonThreshold"/> (and positive).</summary>
    public const string FallingPAlive = "falling P(alive)";

    internal static readonly string[] All = [HighValue, Overdue, Complaints, LowSatisfaction, FallingPAlive];
}
