using System.Numerics;

namespace CustomerValue.Internal;

/// <summary>Reads numeric columns that a stage cannot score with NaN or infinity in them.</summary>
internal static class FiniteColumn
{
    /// <summary>Returns the column, or throws naming the first customer whose value is not finite, and <paramref name="remedy"/>.</summary>
    public static NumericColumn Require(CustomerFrame population, string column, string remedy)
    {
        var numbers = population.GetNumeric(column);

        // Each half finds its first bad row; the first half's wins, so the error names the first such customer.
        var bad = new[] { -1, -1 };
        Ranges.ForRanges(numbers.Length, (start, end) => bad[start == 0 ? 0 : 1] = FirstNotFinite(numbers.Values[start..end], start));
        var row = bad[0] >= 0 ? bad[0] : bad[1];
        return row < 0 ? numbers : throw NotFinite(population, column, row, remedy);
    }

    /// <summary>Returns <paramref name="offset"/> plus the index of the first value that is NaN or infinite, or -1 when all are finite.</summary>
    public static int FirstNotFinite(ReadOnlySpan<double> values, int offset)
    {
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
                return offset + i;
            }
        }

        return -1;
    }

    public static ArgumentException NotFinite(CustomerFrame population, string column, int row, string remedy)
        => new(Guard.Invariant($"Customer '{population.CustomerIds[row]}' has {population.GetNumeric(column)[row]} in column '{column}'; {remedy}"), nameof(population));
}
