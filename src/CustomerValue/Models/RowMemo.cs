namespace CustomerValue.Models;

/// <summary>
/// A fixed-size, direct-mapped memo of a pure function of up to three doubles. Customer summaries repeat heavily
/// (a million customers have a few thousand distinct (frequency, age) pairs), so batch predictions compute each
/// distinct row once. A colliding key simply replaces the entry: the memory stays bounded and, because a hit returns
/// exactly what the function returned for that key, results are bit-identical to computing every row afresh,
/// whatever the order of the rows.
/// </summary>
internal sealed class RowMemo
{
    private const int Bits = 14;
    private const int Mask = (1 << Bits) - 1;
    private readonly double[] _first = new double[1 << Bits];
    private readonly double[] _second = new double[1 << Bits];
    private readonly double[] _third = new double[1 << Bits];
    private readonly double[] _value = new double[1 << Bits];

    public RowMemo() => Clear();

    /// <summary>Forgets every entry (for a function whose parameters changed).</summary>
    public void Clear()
    {
        // NaN never equals itself, so empty slots never match a (validated, finite) key.
        Array.Fill(_first, double.NaN);
    }

    /// <summary>Finds the memoised value of (a, b, c); on a miss returns false and the slot to pass to <see cref="Store"/>.</summary>
    public bool TryGet(double a, double b, double c, out double value, out int slot)
    {
        unchecked
        {
            var h = (ulong)BitConverter.DoubleToInt64Bits(a) * 0x9E3779B97F4A7C15UL;
            h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(b)) * 0xC2B2AE3D27D4EB4FUL;
            h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(c)) * 0x165667B19E3779F9UL;
            slot = (int)(h >> (64 - Bits)) & Mask;
        }

        if (_first[slot] == a && _second[slot] == b && _third[slot] == c)
        {
            value = _value[slot];
            return true;
        }

        value = 0;
        return false;
    }

    public void Store(int slot, double a, double b, double c, double value)
    {
        _first[slot] = a;
        _second[slot] = b;
        _third[slot] = c;
        _value[slot] = value;
    }
}
