using CustomerValue.Internal;

namespace CustomerValue.Models;

/// <summary>A length of time with its unit, such as 39 weeks or 12 months. Immutable.</summary>
public readonly record struct Horizon
{
    /// <summary>Creates a horizon.</summary>
    /// <param name="value">The length, a finite number &gt;= 0.</param>
    /// <param name="unit">The unit of <paramref name="value"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or not finite, or <paramref name="unit"/> is not defined.</exception>
    public Horizon(double value, ModelTimeUnit unit)
    {
        Guard.NonNegative(value, nameof(value));
        TimeUnits.Validate(unit, nameof(unit));
        Value = value;
        Unit = unit;
    }

    /// <summary>Gets the length in <see cref="Unit"/>.</summary>
    public double Value { get; }

    /// <summary>Gets the unit of <see cref="Value"/>.</summary>
    public ModelTimeUnit Unit { get; }

    /// <summary>Creates a horizon of <paramref name="days"/> days.</summary>
    /// <param name="days">The number of days.</param>
    /// <returns>The horizon.</returns>
    public static Horizon Days(double days) => new(days, ModelTimeUnit.Day);

    /// <summary>Creates a horizon of <paramref name="weeks"/> weeks.</summary>
    /// <param name="weeks">The number of weeks.</param>
    /// <returns>The horizon.</returns>
    public static Horizon Weeks(double weeks) => new(weeks, ModelTimeUnit.Week);

    /// <summary>Creates a horizon of <paramref name="months"/> months.</summary>
    /// <param name="months">The number of months.</param>
    /// <returns>The horizon.</returns>
    public static Horizon Months(double months) => new(months, ModelTimeUnit.Month);

    /// <summary>Creates a horizon of <paramref name="years"/> years.</summary>
    /// <param name="years">The number of years.</param>
    /// <returns>The horizon.</returns>
    public static Horizon Years(double years) => new(years, ModelTimeUnit.Year);

    /// <summary>Gets the length of this horizon expressed in <paramref name="unit"/>.</summary>
    /// <param name="unit">The target unit.</param>
    /// <returns>The length in <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined.</exception>
    public double In(ModelTimeUnit unit)
    {
        TimeUnits.Validate(unit, nameof(unit));
        return Value * TimeUnits.Ratio(Unit, unit);
    }
}
