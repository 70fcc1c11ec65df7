using CustomerValue.Internal;

namespace CustomerValue.Models;

internal static class TimeUnits
{
    // Months and years are measured in twelfths of a year so that 12 months == 1 year holds exactly.
    private const double DaysPerYear = 365.2425;

    public static double Days(ModelTimeUnit unit) => unit switch
    {
        ModelTimeUnit.Day => 1.0,
        ModelTimeUnit.Week => 7.0,
        ModelTimeUnit.Month => DaysPerYear / 12.0,
        ModelTimeUnit.Year => DaysPerYear,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, Guard.Invariant($"The time unit must be Day, Week, Month or Year; it was {unit}.")),
    };

    /// <summary>How many <paramref name="to"/> units one <paramref name="from"/> unit lasts.</summary>
    public static double Ratio(ModelTimeUnit from, ModelTimeUnit to)
    {
        if (from == to)
        {
            return 1.0;
        }

        if (IsYearBased(from) && IsYearBased(to))
        {
            return from == ModelTimeUnit.Year ? 12.0 : 1.0 / 12.0;
        }

        return Days(from) / Days(to);
    }

    public static void Validate(ModelTimeUnit unit, string name)
    {
        if (unit is < ModelTimeUnit.Day or > ModelTimeUnit.Year)
        {
            throw new ArgumentOutOfRangeException(name, unit, Guard.Invariant($"The time unit must be Day, Week, Month or Year; it was {unit}."));
        }
    }

    private static bool IsYearBased(ModelTimeUnit unit) => unit is ModelTimeUnit.Month or ModelTimeUnit.Year;
}
