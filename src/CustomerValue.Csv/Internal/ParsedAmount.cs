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
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == '-')
        {
            negative = true;
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < text.Length; i++)
        {
            var d = text[i] - '0';
            if (unchecked((uint)d) <= 9)
            {
                // 13 digits stay below UnitMoney.MaxUnits; longer amounts take the general route.
                if (digits == 13)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + d;
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (text[i] == point && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || scale == 0 || scale > 4)
        {
            return false;
        }

        scale = Math.Max(scale, 0);
        var factor = PowersOf10[4 - scale];
        if (mantissa >= UnitMoney.MaxUnits / factor)
        {
            return false;
        }

        var units = mantissa * factor;
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
