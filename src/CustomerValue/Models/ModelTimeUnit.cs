namespace CustomerValue.Models;

/// <summary>
/// The time unit in which a model's recency, age and horizons are measured.
/// Day and Week convert exactly (7 days); Month and Year use the mean Gregorian year of 365.2425 days
/// (a month is one twelfth of it), so 12 months are exactly one year.
/// </summary>
public enum ModelTimeUnit
{
    /// <summary>One day.</summary>
    Day = 0,

    /// <summary>Seven days.</summary>
    Week = 1,

    /// <summary>One twelfth of the mean Gregorian year (30.436875 days).</summary>
    Month = 2,

    /// <summary>The mean Gregorian year (365.2425 days).</summary>
    Year = 3,
}
