using System.Numerics;
using System.Runtime.CompilerServices;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// An amount as read: whole units of 0.0001 plus the decimal's own scale (0..4) when it fits the same bounds as the core's
/// <see cref="UnitMoney"/>, otherwise the exact decimal. Either way it converts back to the decimal the general reader
/// would have produced (value, scale and sign bit).
/// </summary>
internal readonly struct ParsedAmount
{
    // Constant data rather than static arrays, which would cost the parsing loop (compiled optimised before any static
    // constructor has run) a call for the static base on every row.
    private static ReadOnlySpan<long> PowersOf10 => [1, 10, 100, 1000, 10000];

    // The mantissas of each scale whose units stay below UnitMoney.MaxUnits: a table, as a division here costs a dozen adds.
    private static ReadOnlySpan<long> MantissaLimits => [UnitMoney.MaxUnits / 10000, UnitMoney.MaxUnits / 1000, UnitMoney.MaxUnits / 100, UnitMoney.MaxUnits / 10, UnitMoney.MaxUnits];

    private ParsedAmount(long units, int scale, bool negative, decimal exact, bool isExact)
    {
        Units = units;
        Scale = scale;
        Negative = negative;
        Exact = exact;
        IsExact = isExact;
    }

    /// <summary>Gets the signed amount in units of 0.0001 (when not <see cref="IsExact"/>).</summary>
    public long Units { get; }

    /// <summary>Gets the scale of the decimal (when not <see cref="IsExact"/>).</summary>
    public int Scale { get; }

    /// <summary>Gets the sign bit of the decimal: "-0" is not a return, but reads back as -0.</summary>
    public bool Negative { get; }

    /// <summary>Gets the amount when it does not fit units.</summary>
    public decimal Exact { get; }

    public bool IsExact { get; }

    public bool IsReturn => IsExact ? Exact < 0 : Units < 0;

    /// <summary>Reads [-]digits[point digits] exactly as the general reader's hand parser does, when the result fits units.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseUnits(ReadOnlySpan<byte> text, byte point, out ParsedAmount amount)
    {
        amount = default;
        var negative = text.Length > 0 && text[0] == '-';
        var i = negative ? 1 : 0;

        // At most 13 digits (a sign and a point besides) stay below UnitMoney.MaxUnits, so the loop cannot overflow;
        // longer amounts take the general route.
        if (text.Length - i > 14)
        {
            return false;
        }

        long mantissa = 0;
        var pointAt = -1;
        unchecked
        {
            for (; i < text.Length; i++)
            {
                var d = (uint)(text[i] - '0');
                if (d <= 9)
                {
                    mantissa = (mantissa * 10) + d;
                }
                else if (text[i] == point && pointAt < 0)
                {
                    pointAt = i;
                }
                else
                {
                    return false;
                }
            }
        }

        var scale = pointAt < 0 ? 0 : text.Length - pointAt - 1;
        var digits = text.Length - (negative ? 1 : 0) - (pointAt < 0 ? 0 : 1);
        if (digits == 0 || digits > 13 || (pointAt >= 0 && scale == 0) || scale > 4)
        {
            return false;
        }

        if (mantissa >= MantissaLimits[scale])
        {
            return false;
        }

        var units = mantissa * PowersOf10[4 - scale];
        amount = new ParsedAmount(negative ? -units : units, scale, negative, 0, isExact: false);
        return true;
    }

    /// <summary>
    /// Reads an amount of 1 to 8 characters without a sign (digits and at most one point), exactly as
    /// <see cref="TryParseUnits"/> reads it, from <paramref name="word"/>: the field's bytes in its low
    /// <paramref name="length"/> bytes (little-endian), whatever follows above them. No loop and no branch on where the
    /// point is, which a loop over the characters mispredicts on most rows. False only means "not this shape": the
    /// caller then asks <see cref="TryParseUnits"/>, which decides.
    /// </summary>
    /// <param name="word">The 8 bytes from the field's start.</param>
    /// <param name="length">The field's length, 1 to 8.</param>
    /// <param name="points">The decimal point repeated in every byte.</param>
    /// <param name="amount">The amount, when read.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseShortUnits(ulong word, int length, ulong points, out ParsedAmount amount)
    {
        const ulong Ones = 0x0101010101010101UL;
        const ulong Highs = 0x8080808080808080UL;
        amount = default;
        var inField = length == 8 ? ulong.MaxValue : (1UL << (8 * length)) - 1;

        // The lowest byte equal to the point, if any (a zero byte of word ^ points); the usual zero-byte test is exact for the lowest one.
        var other = word ^ points;
        var zeros = unchecked(other - Ones) & ~other & Highs & inField;
        var pointAt = zeros == 0 ? length : BitOperations.TrailingZeroCount(zeros) >> 3;

        // Digits become 0..9, the point byte 0, bytes past the field 0; anything else (a second point, a sign, a letter) is above 9.
        var digits = (word ^ (0x30 * Ones)) & inField;
        if (zeros != 0)
        {
            digits &= ~(0xFFUL << (8 * pointAt));
        }

        if (((unchecked((digits & (0x7F * Ones)) + (0x76 * Ones)) | digits) & Highs) != 0)
        {
            return false;
        }

        var scale = zeros == 0 ? 0 : length - pointAt - 1;
        if ((zeros != 0 && scale == 0) || scale > 4)
        {
            return false;
        }

        // The integer digits, then the fraction's, each right-aligned for the eight-digit conversion (leading bytes read as zeros).
        var whole = pointAt == 0 ? 0 : EightDigits((digits & (ulong.MaxValue >> (64 - (8 * pointAt)))) << (64 - (8 * pointAt)));
        var fraction = scale == 0 ? 0 : EightDigits((digits >> (8 * (pointAt + 1))) << (64 - (8 * scale)));
        var units = ((whole * PowersOf10[scale]) + fraction) * PowersOf10[4 - scale];
        amount = new ParsedAmount(units, scale, negative: false, 0, isExact: false);
        return true;
    }

    // Eight digit values, the most significant in the lowest byte, to their number: pairs, then fours, then all eight.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long EightDigits(ulong digits)
    {
        unchecked
        {
            digits = (digits * ((10 << 8) + 1)) >> 8;
            digits = ((digits & 0x00FF00FF00FF00FFUL) * ((100 << 16) + 1)) >> 16;
            return (long)(((digits & 0x0000FFFF0000FFFFUL) * ((10000UL << 32) + 1)) >> 32);
        }
    }

    /// <summary>Wraps a parsed decimal, as units when <see cref="UnitMoney.TryFrom"/> accepts it.</summary>
    public static ParsedAmount From(decimal value)
        => UnitMoney.TryFrom(value, out var units)
            ? new ParsedAmount(units, value.Scale, decimal.IsNegative(value), 0, isExact: false)
            : new ParsedAmount(0, 0, decimal.IsNegative(value), value, isExact: true);

    public decimal ToDecimal() => IsExact ? Exact : UnitsToDecimal(Units, Scale, Negative);

    /// <summary>Returns units of 0.0001 as the decimal of the given scale (the units are a multiple of 10^(4 - scale)).</summary>
    public static decimal UnitsToDecimal(long units, int scale, bool negative)
    {
        var magnitude = (ulong)Math.Abs(units) / (ulong)PowersOf10[4 - scale];
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(magnitude >> 32)), 0, negative, (byte)scale);
    }
}
