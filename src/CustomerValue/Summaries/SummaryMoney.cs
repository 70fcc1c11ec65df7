using System.Runtime.CompilerServices;

namespace CustomerValue;

/// <summary>An amount as the summary builder sums it; <c>default</c> is zero.</summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
internal interface ISummaryMoney<TSelf>
    where TSelf : struct, ISummaryMoney<TSelf>
{
    static abstract TSelf From(decimal amount);

    static abstract TSelf Add(TSelf left, TSelf right);

    decimal ToDecimal();
}

/// <summary>Amounts summed as decimals: exact for any log, the fallback.</summary>
internal readonly record struct ExactMoney(decimal Value) : ISummaryMoney<ExactMoney>
{
    public static ExactMoney From(decimal amount) => new(amount);

    public static ExactMoney Add(ExactMoney left, ExactMoney right) => new(left.Value + right.Value);

    public decimal ToDecimal() => Value;
}

/// <summary>
/// Amounts as whole units of 0.0001, for logs whose amounts all have at most 4 decimals and whose absolute total stays below 2^53 units.
/// Sums are then exact longs, and every sum converts to the decimal of the same value; with fewer than 2^53 units in the
/// mantissa, decimal-to-double conversion is correctly rounded whatever the decimal's scale, so the output equals the decimal path's.
/// </summary>
internal readonly record struct UnitMoney(long Units) : ISummaryMoney<UnitMoney>
{
    /// <summary>Units at most this large in magnitude, so a saturating running total cannot overflow.</summary>
    public const long MaxUnits = 1L << 40;

    /// <summary>Absolute totals below this keep every per-customer sum exactly representable in a double's mantissa.</summary>
    public const long MaxTotalUnits = 1L << 53;

    private const int Scale = 4;

    private static readonly long[] PowersOf10 = [1, 10, 100, 1000, 10000];

    public static UnitMoney From(decimal amount) => TryFrom(amount, out var units) ? new(units) : throw new ArgumentOutOfRangeException(nameof(amount));

    public static UnitMoney Add(UnitMoney left, UnitMoney right) => new(left.Units + right.Units);

    public static bool TryFrom(decimal amount, out long units)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = unchecked((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
        if (bits[2] != 0 || scale > Scale || mantissa >= (ulong)(MaxUnits / PowersOf10[Scale - scale]))
        {
            units = 0;
            return false;
        }

        units = (long)mantissa * PowersOf10[Scale - scale];
        units = bits[3] < 0 ? -units : units;
        return true;
    }

    /// <summary>
    /// Returns <paramref name="units"/> (magnitude below <see cref="MaxTotalUnits"/>) as the double its decimal converts to:
    /// that conversion divides the exact mantissa by 10^4 in one correctly rounded step, as this does.
    /// </summary>
    public static double ToDouble(long units) => units / 10000.0;

    /// <summary>
    /// Returns the double of the decimal average <paramref name="units"/> / <paramref name="count"/> (units of magnitude
    /// below <see cref="MaxTotalUnits"/>, count at least 1). When count divides units the decimal quotient is exact with
    /// a mantissa no larger than the units', so it converts as <see cref="ToDouble"/> does and the division is skipped.
    /// </summary>
    // Not inlined into its callers (the decimal division is large) and called a million times within a fraction of a
    // second by a one-off import: compiled optimised from the start rather than running unoptimised until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Average(long units, int count)
        => units % count == 0 ? ToDouble(units / count) : (double)(new UnitMoney(units).ToDecimal() / count);

    public decimal ToDecimal()
    {
        var magnitude = (ulong)Math.Abs(Units);
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(magnitude >> 32)), 0, Units < 0, Scale);
    }
}
