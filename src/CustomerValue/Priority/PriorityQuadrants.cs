namespace CustomerValue;

/// <summary>The quadrant labels of the priority stage (<see cref="ColumnNames.Quadrant"/>), in category order.</summary>
public static class PriorityQuadrants
{
    /// <summary>Important and urgent.</summary>
    public const string ActNow = "Act now";

    /// <summary>Important, not urgent.</summary>
    public const string Nurture = "Nurture";

    /// <summary>Urgent, not important.</summary>
    public const string LowTouch = "Low-touch";

    /// <summary>Neither important nor urgent.</summary>
    public const string Monitor = "Monitor";

    internal static readonly string[] All = [ActNow, Nurture, LowTouch, Monitor];
}
