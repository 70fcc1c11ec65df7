using System.Runtime.CompilerServices;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// An amount as read: whole units of 0.0001 plus the decimal's own scale (0..4) when it fits the same bounds as the core's
/// <see cref="UnitMoney"/>, otherwise the exact decimal. Either way it converts back to the decimal the general reader
/// would have produced (value, scale and sign bit).
/// </summary>
internal readonly struct ParsedAmount
{
    private static readonly long[] PowersOf10 = [1, 10, 100, 1000, 10000];

    // The mantissas of each scale whose units stay below UnitMoney.MaxUnits: a table, as a division here costs a dozen adds.
    private static readonly long[] MantissaLimits = [UnitMoney.MaxUnits / 10000, UnitMoney.MaxUnits / 1000, UnitMoney.MaxUnits / 100, UnitMoney.MaxUnits / 10, UnitMoney.MaxUnits];

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
