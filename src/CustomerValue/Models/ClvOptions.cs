using CustomerValue.Internal;

namespace CustomerValue.Models;

/// <summary>
/// How customer-lifetime value is summed: over <see cref="Horizon"/>, cut into sub-periods of <see cref="Step"/>, the
/// expected purchases in each sub-period times the expected spend, discounted at <see cref="DiscountRate"/> from the
/// end of the sub-period. Every length carries its unit and is converted to the model's unit. Immutable.
/// </summary>
public sealed record ClvOptions
{
    /// <summary>The largest number of sub-periods; each costs one evaluation of the model per customer.</summary>
    public const int MaxSteps = 10_000;

    /// <summary>Creates options.</summary>
    /// <param name="horizon">The period over which value is summed, for example 12 months.</param>
    /// <param name="discountRate">The discount rate with its unit, for example 1% per month.</param>
    public ClvOptions(Horizon horizon, DiscountRate discountRate)
    {
        Horizon = horizon;
        DiscountRate = discountRate;
    }

    /// <summary>Gets the period over which value is summed.</summary>
    public Horizon Horizon { get; init; }

    /// <summary>Gets the discount rate with its unit.</summary>
    public DiscountRate DiscountRate { get; init; }

    /// <summary>Gets the length of the sub-periods; the last one is cut short when the horizon is not a whole number of them.</summary>
    /// <value>The default value is null: the unit of <see cref="DiscountRate"/> (monthly sub-periods for a monthly rate).</value>
    public ModelTimeUnit? Step { get; init; }

    /// <summary>Gets the sub-period ends and their discount factors in the model's unit.</summary>
    internal static (double[] Ends, double[] Factors) Schedule(ClvOptions options, ModelTimeUnit modelUnit)
    {
        var step = options.Step ?? options.DiscountRate.Unit;
        TimeUnits.Validate(step, nameof(options));
        var horizon = options.Horizon.In(modelUnit);
        var stepLength = TimeUnits.Ratio(step, modelUnit);
        var steps = Math.Ceiling((horizon / stepLength) - 1e-9);
        if (steps > MaxSteps)
        {
            throw new ArgumentException(Guard.Invariant($"The CLV horizon {options.Horizon.Value} {options.Horizon.Unit} has {steps} sub-periods of one {step}; at most {MaxSteps} are allowed. Set ClvOptions.Step to a longer unit."), nameof(options));
        }

        var count = (int)Math.Max(steps, 0);
        var ends = new double[count];
        var factors = new double[count];
        var logDiscount = Math.Log(1.0 + options.DiscountRate.Rate) * TimeUnits.Ratio(step, options.DiscountRate.Unit);
        for (var i = 0; i < count; i++)
        {
            ends[i] = Math.Min((i + 1) * stepLength, horizon);

            // Discounted from the end of the whole sub-period even when it is cut short, so that value grows with the horizon.
            factors[i] = Math.Exp(-logDiscount * (i + 1));
        }

        return (ends, factors);
    }
}
