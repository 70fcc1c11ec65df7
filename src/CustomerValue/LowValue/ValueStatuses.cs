namespace CustomerValue;

/// <summary>The labels of <see cref="ColumnNames.ValueStatus"/>, in category order.</summary>
public static class ValueStatuses
{
    /// <summary>Not low value, not new, positive value.</summary>
    public const string Valuable = "Valuable";

    /// <summary>The low-value test holds and there is no potential evidence.</summary>
    public const string LowValue = "Low value";

    /// <summary>Zero or negative value (contribution).</summary>
    public const string Valueless = "Valueless";

    /// <summary>The low-value test holds but there is potential evidence (new, growing, stated potential, predicted value).</summary>
    public const string Potential = "Potential";

    /// <summary>Not low value, tenure below <see cref="LowValueOptions.NewCustomerDays"/>.</summary>
    public const string New = "New";

    internal static readonly string[] All = [Valuable, LowValue, Valueless, Potential, New];
}
