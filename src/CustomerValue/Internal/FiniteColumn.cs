using System.Numerics;

namespace CustomerValue.Internal;

/// <summary>Reads numeric columns that a stage cannot score with NaN or infinity in them.</summary>
internal static class FiniteColumn
{
    /// <summary>Returns the column, or throws naming the first customer whose value is not finite, and <paramref name="remedy"/>.</summary>
    public static NumericColumn Require(CustomerFrame population, string column, string remedy)
    {
        var numbers = population.GetNumeric(column);
        var values = numbers.Values;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // v - v is 0 for finite lanes and NaN for NaN or infinity; scan by vectors and locate a bad lane only if one exists.
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = new Vector<double>(values.Slice(i, Vector<double>.Count));
                if (!Vector.EqualsAll(v - v, Vector<double>.Zero))
                {
                    break;
                }
            }
        }

        for (; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw NotFinite(population, column, i, remedy);
            }
        }

        return numbers;
    }

    public static ArgumentException NotFinite(CustomerFrame population, string column, int row, string remedy)
        => new(Guard.Invariant($"Customer '{population.CustomerIds[row]}' has {population.GetNumeric(column)[row]} in column '{column}'; {remedy}"), nameof(population));
}
