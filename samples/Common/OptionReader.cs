using System.Globalization;

namespace Samples.Common;

/// <summary>
/// Walks a command line of <c>--name value</c>, <c>--name=value</c> and <c>--switch</c> options. Each typed getter reads
/// the current option's value and throws a <see cref="UsageException"/> that names the option, what it allows and what it got.
/// </summary>
public sealed class OptionReader
{
    private readonly IReadOnlyList<string> _args;
    private readonly IReadOnlyList<string> _known;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _index = -1;
    private string? _inline;

    /// <summary>Creates a reader.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="knownOptions">Every option the program understands, listed in the error for an unknown one.</param>
    public OptionReader(IReadOnlyList<string> args, IReadOnlyList<string> knownOptions)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(knownOptions);
        _args = args;
        _known = knownOptions;
    }

    /// <summary>Gets the current option's name, such as --input.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Moves to the next option.</summary>
    /// <returns>False at the end of the command line.</returns>
    /// <exception cref="UsageException">The argument is not an option, is unknown, or is given twice.</exception>
    public bool MoveNext()
    {
        _index++;
        if (_index >= _args.Count)
        {
            return false;
        }

        var arg = _args[_index];
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"Unexpected argument '{arg}': every option starts with --, such as --input <file>.");
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        Name = equals < 0 ? arg : arg[..equals];
        _inline = equals < 0 ? null : arg[(equals + 1)..];
        if (!_known.Contains(Name, StringComparer.Ordinal))
        {
            throw new UsageException($"Unknown option '{Name}'. The options are {string.Join(", ", _known)}.");
        }

        return _seen.Add(Name) ? true : throw new UsageException($"The option {Name} is given twice; give it once.");
    }

    /// <summary>Reads a switch, which takes no value.</summary>
    /// <returns>True.</returns>
    /// <exception cref="UsageException">A value was given with =.</exception>
    public bool Flag() => _inline is null
        ? true
        : throw new UsageException($"The option {Name} is a switch and takes no value; it was given '{_inline}'.");

    /// <summary>Reads a non-empty text value.</summary>
    /// <param name="example">An example value for the error when the value is missing, such as &lt;file&gt;.</param>
    /// <returns>The value.</returns>
    /// <exception cref="UsageException">The value is missing or blank.</exception>
    public string Text(string example)
    {
        var value = Value(example);
        return string.IsNullOrWhiteSpace(value) ? throw new UsageException($"The option {Name} needs a non-empty value, such as {Name} {example}.") : value;
    }

    /// <summary>Reads a date as yyyy-MM-dd.</summary>
    /// <param name="example">An example date for the errors.</param>
    /// <returns>The date.</returns>
    /// <exception cref="UsageException">The value is missing or not such a date.</exception>
    public DateOnly Date(DateOnly example)
    {
        var shown = example.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var value = Value(shown);
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"The option {Name} must be a date as yyyy-MM-dd, such as {shown}; it was '{value}'.");
    }

    /// <summary>Reads a whole number in a range.</summary>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <returns>The number.</returns>
    /// <exception cref="UsageException">The value is missing, not a whole number, or out of range.</exception>
    public int WholeNumber(int min, int max)
    {
        var value = Value(min.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"The option {Name} must be a whole number from {min} to {max}; it was '{value}'."));
    }

    /// <summary>Reads a whole number in a range, or the word off.</summary>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <returns>The number, or null for off.</returns>
    /// <exception cref="UsageException">The value is missing, neither off nor a whole number, or out of range.</exception>
    public int? WholeNumberOrOff(int min, int max)
    {
        var value = Value(min.ToString(CultureInfo.InvariantCulture));
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"The option {Name} must be a whole number from {min} to {max}, or off; it was '{value}'."));
    }

    /// <summary>Reads a number with . as the decimal point, or the word off when <paramref name="allowOff"/>.</summary>
    /// <param name="allowed">The allowed range in words, such as "between 0 and 1 (exclusive)".</param>
    /// <param name="isAllowed">Whether a parsed number is allowed.</param>
    /// <param name="allowOff">Whether off is accepted (returned as null).</param>
    /// <returns>The number, or null for off.</returns>
    /// <exception cref="UsageException">The value is missing, not a number, or not allowed.</exception>
    public double? Number(string allowed, Func<double, bool> isAllowed, bool allowOff)
    {
        ArgumentNullException.ThrowIfNull(isAllowed);
        var value = Value("0.5");
        if (allowOff && value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && isAllowed(number)
            ? number
            : throw new UsageException($"The option {Name} must be a number {allowed} (with . as the decimal point){(allowOff ? ", or off" : string.Empty)}; it was '{value}'.");
    }

    /// <summary>Reads numbers separated by commas, with . as the decimal point.</summary>
    /// <param name="example">An example list for the errors, such as 10,20,30,40.</param>
    /// <returns>The numbers, in the order given.</returns>
    /// <exception cref="UsageException">The value is missing or one of its parts is not a finite number.</exception>
    public double[] Numbers(string example)
    {
        var parts = Value(example).Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        for (var p = 0; p < parts.Length; p++)
        {
            if (!double.TryParse(parts[p], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[p]) || !double.IsFinite(numbers[p]))
            {
                throw new UsageException($"The option {Name} must be numbers separated by commas (with . as the decimal point), such as {example}; '{parts[p]}' is not a number.");
            }
        }

        return numbers;
    }

    /// <summary>Reads one of a fixed set of words (case-insensitive).</summary>
    /// <typeparam name="T">The type of the meaning of each word.</typeparam>
    /// <param name="choices">The words, the first one shown as the example, with their meanings.</param>
    /// <returns>The meaning of the given word.</returns>
    /// <exception cref="UsageException">The value is missing or none of the words.</exception>
    public T Choice<T>(IReadOnlyList<(string Word, T Meaning)> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var value = Value(choices[0].Word);
        foreach (var (word, meaning) in choices)
        {
            if (word.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return meaning;
            }
        }

        throw new UsageException($"The option {Name} must be one of {string.Join(", ", choices.Select(c => c.Word))}; it was '{value}'.");
    }

    /// <summary>Reads a culture name, or invariant.</summary>
    /// <returns>The culture.</returns>
    /// <exception cref="UsageException">The value is missing or not a known culture.</exception>
    public CultureInfo Culture()
    {
        var value = Value("de-DE");
        if (value.Equals("invariant", StringComparison.OrdinalIgnoreCase))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(value, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw new UsageException($"The option {Name} must be a culture name such as en-US, de-DE or invariant; '{value}' is not a known culture.");
        }
    }

    /// <summary>Reads a field delimiter: one ASCII character other than the quote, or the word tab.</summary>
    /// <returns>The delimiter.</returns>
    /// <exception cref="UsageException">The value is missing or not such a character.</exception>
    public char Delimiter()
    {
        var value = Value(";");
        var delimiter = value switch
        {
            "tab" or "\\t" => '\t',
            _ when value.Length == 1 => value[0],
            _ => '\0',
        };
        return delimiter is '\0' or '"' or '\r' or '\n' || delimiter > 127
            ? throw new UsageException($"The option {Name} must be one ASCII character other than the quote (such as , ; or |) or the word tab; it was '{value}'.")
            : delimiter;
    }

    private string Value(string example)
    {
        if (_inline is not null)
        {
            return _inline;
        }

        if (_index + 1 >= _args.Count || _args[_index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"The option {Name} needs a value, such as {Name} {example}.");
        }

        _index++;
        return _args[_index];
    }
}
