using CustomerValue.Internal;

namespace CustomerValue.Models;

/// <summary>
/// A discount rate per unit of time, such as 1% per month. Conversions to another unit compound exactly:
/// a rate r per month is (1 + r)^12 - 1 per year. Immutable.
/// </summary>
public readonly record struct DiscountRate
{
    /// <summary>Creates a discount rate.</summary>
    /// <param name="rate">The rate per <paramref name="unit"/>, a finite number &gt;= 0 (0.01 means 1%).</param>
    /// <param name="unit">The unit the rate applies to.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is negative or not finite, or <paramref name="unit"/> is not defined.</exception>
    public DiscountRate(double rate, ModelTimeUnit unit)
    {
        Guard.NonNegative(rate, nameof(rate));
        TimeUnits.Validate(unit, nameof(unit));
        Rate = rate;
        Unit = unit;
    }

    /// <summary>Gets the rate per <see cref="Unit"/>.</summary>
    public double Rate { get; }

    /// <summary>Gets the unit the rate applies to.</summary>
    public ModelTimeUnit Unit { get; }

    /// <summary>Gets the equivalent rate per <paramref name="unit"/>, compounding exactly.</summary>
    /// <param name="unit">The target unit.</param>
    /// <returns>The rate per <paramref name="unit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not defined.</exception>
    public double Per(ModelTimeUnit unit)
    {
        TimeUnits.Validate(unit, nameof(unit));
        return unit == Unit ? Rate : Math.Exp(Math.Log(1.0 + Rate) * TimeUnits.Ratio(unit, Unit)) - 1.0;
    }

    /// <summary>Gets the discount factor 1 / (1 + rate)^t for a delay of <paramref name="delay"/>.</summary>
    /// <param name="delay">The delay.</param>
    /// <returns>The factor, in (0, 1].</returns>
    public double Factor(Horizon delay) => Math.Exp(-Math.Log(1.0 + Rate) * delay.In(Unit));
}
