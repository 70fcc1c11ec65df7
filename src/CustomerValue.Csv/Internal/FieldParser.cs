using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// Parses UTF-8 field values without allocating. The common shapes (ISO dates, yyyyMMdd, plain decimals) are parsed
/// by hand; anything else goes to the BCL with the configured culture and formats.
/// </summary>
internal sealed class FieldParser
{
    // Constant data rather than a static array: the parsing loop is compiled optimised before any static constructor has
    // run, and a static array would cost it a call for the static base on every row.
    private static ReadOnlySpan<int> DaysBeforeMonth => [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
        | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    private readonly CultureInfo _culture;
    private readonly string[] _dateFormats;
    private readonly bool _isoDate;
    private readonly bool _compactDate;
    private readonly bool _isoSpaceTime;
    private readonly bool _isoTTime;
    private readonly byte _decimalPoint;

    public FieldParser(CultureInfo culture, IReadOnlyList<string> dateFormats)
    {
        _culture = culture;
        _dateFormats = [.. dateFormats];
        _isoDate = _dateFormats.Contains("yyyy-MM-dd");
        _compactDate = _dateFormats.Contains("yyyyMMdd");
        _isoSpaceTime = _dateFormats.Contains("yyyy-MM-dd HH:mm:ss");
        _isoTTime = _dateFormats.Contains("yyyy-MM-ddTHH:mm:ss") || _dateFormats.Contains("yyyy-MM-dd'T'HH:mm:ss");
        var format = culture.NumberFormat;

        // The hand parser reads [-]digits[point digits]; it is used only where the culture reads that text the same way.
        _decimalPoint = format.NumberDecimalSeparator is [var point] && point is '.' or ','
            && format.NegativeSign == "-" && format.PositiveSign == "+"
            ? (byte)point
            : (byte)0;
    }

    public CultureInfo Culture => _culture;

    /// <summary>Gets the decimal point of plain amounts the hand parser reads, or 0 when the culture needs the BCL.</summary>
    public byte DecimalPoint => _decimalPoint;

    public IReadOnlyList<string> DateFormats => _dateFormats;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParseDate(ReadOnlySpan<byte> value, out DateTime result)
    {
        switch (value.Length)
        {
            case 10 when _isoDate && value[4] == '-' && value[7] == '-':
                return TryDate(Digits4(value, 0), Digits2(value, 5), Digits2(value, 8), out result) || TryFormats(value, out result);
            case 8 when _compactDate:
                return TryDate(Digits4(value, 0), Digits2(value, 4), Digits2(value, 6), out result) || TryFormats(value, out result);
            case 19 when ((value[10] == ' ' && _isoSpaceTime) || (value[10] == 'T' && _isoTTime))
                && value[4] == '-' && value[7] == '-' && value[13] == ':' && value[16] == ':':
                if (TryDate(Digits4(value, 0), Digits2(value, 5), Digits2(value, 8), out result))
                {
                    int hour = Digits2(value, 11), minute = Digits2(value, 14), second = Digits2(value, 17);
                    if (hour is >= 0 and < 24 && minute is >= 0 and < 60 && second is >= 0 and < 60)
                    {
                        result = result.AddTicks((((hour * 60L) + minute) * 60 + second) * TimeSpan.TicksPerSecond);
                        return true;
                    }
                }

                return TryFormats(value, out result);
            default:
                return TryFormats(value, out result);
        }
    }

    /// <summary>Gets whether yyyy-MM-dd is one of the formats, so <see cref="TryParseIsoDate"/> may read a date.</summary>
    public bool IsoDates => _isoDate;

    /// <summary>Parses a date as <see cref="TryParseDate"/> does, into <see cref="DateTime.Ticks"/>.</summary>
    public bool TryParseTicks(ReadOnlySpan<byte> value, out long ticks)
    {
        if (_isoDate && TryParseIsoDate(value, out ticks))
        {
            return true;
        }

        var parsed = TryParseDate(value, out var result);
        ticks = result.Ticks;
        return parsed;
    }

    /// <summary>Reads a valid yyyy-MM-dd into <see cref="DateTime.Ticks"/> without building a <see cref="DateTime"/>; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseIsoDate(ReadOnlySpan<byte> value, out long ticks)
    {
        if (value.Length == 10 && value[4] == '-' && value[7] == '-' && TryDayNumber(Digits4(value, 0), Digits2(value, 5), Digits2(value, 8), out var day))
        {
            ticks = day * TimeSpan.TicksPerDay;
            return true;
        }

        ticks = 0;
        return false;
    }

    public bool TryParseDecimal(ReadOnlySpan<byte> value, out decimal result)
    {
        if (_decimalPoint != 0 && TryPlainDecimal(value, _decimalPoint, out result))
        {
            return true;
        }

        return decimal.TryParse(value, DecimalStyle, _culture, out result);
    }

    // Attribute values are not on the hot path, and the BCL rounds exactly, so written doubles read back bit for bit.
    public bool TryParseDouble(ReadOnlySpan<byte> value, out double result)
        => double.TryParse(value, NumberStyles.Float, _culture, out result) && double.IsFinite(result);

    /// <summary>Describes what the parser accepts, for messages.</summary>
    public string DescribeNumbers() => Text.Invariant(
        $"a number in culture '{CultureName}' (decimal separator '{_culture.NumberFormat.NumberDecimalSeparator}', no thousands separators)");

    public string DescribeDates() => Text.Invariant($"a date in one of the formats {string.Join(", ", _dateFormats)} (culture '{CultureName}')");

    private string CultureName => _culture.Name.Length == 0 ? "invariant" : _culture.Name;

    // [-]digits[point digits] with at most 18 digits, exactly as decimal.Parse reads it (trailing zeros kept in the scale).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryPlainDecimal(ReadOnlySpan<byte> value, byte point, out decimal result)
    {
        result = 0;
        var i = 0;
        var negative = false;
        if (value.Length > 0 && value[0] == '-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < value.Length; i++)
        {
            var d = value[i] - '0';
            if (d is >= 0 and <= 9)
            {
                if (digits == 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (uint)d;
                digits++;
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (value[i] == point && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || scale == 0)
        {
            return false;
        }

        result = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    private bool TryFormats(ReadOnlySpan<byte> value, out DateTime result)
    {
        result = default;
        if (value.IsEmpty || value.Length > 128)
        {
            return false;
        }

        Span<char> chars = stackalloc char[128];
        var length = Encoding.UTF8.GetChars(value, chars);
        return DateTime.TryParseExact(chars[..length], _dateFormats, _culture, DateTimeStyles.AllowWhiteSpaces, out result);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDate(int year, int month, int day, out DateTime result)
    {
        if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            result = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            return true;
        }

        result = default;
        return false;
    }

    // The days from 0001-01-01 of a valid date, as DateTime counts them (proleptic Gregorian).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDayNumber(int year, int month, int day, out long days)
    {
        days = 0;
        if (year < 1 || unchecked((uint)(month - 1)) > 11)
        {
            return false;
        }

        var leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        var before = DaysBeforeMonth[month - 1] + (leap && month > 2 ? 1 : 0);
        var length = DaysBeforeMonth[month] - DaysBeforeMonth[month - 1] + (leap && month == 2 ? 1 : 0);
        if (unchecked((uint)(day - 1)) >= (uint)length)
        {
            return false;
        }

        var y = year - 1;
        days = (y * 365L) + (y / 4) - (y / 100) + (y / 400) + before + day - 1;
        return true;
    }

    // A non-digit makes the result negative or > 99, which the range checks reject.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits2(ReadOnlySpan<byte> s, int at)
    {
        int a = s[at] - '0', b = s[at + 1] - '0';
        return a is >= 0 and <= 9 && b is >= 0 and <= 9 ? (a * 10) + b : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits4(ReadOnlySpan<byte> s, int at)
    {
        int high = Digits2(s, at), low = Digits2(s, at + 2);
        return high >= 0 && low >= 0 ? (high * 100) + low : -1;
    }
}
