using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// A column of flag sets: per customer, which of up to 64 named flags are set (the rules that fired, the criteria
/// that flagged a customer, the reasons for a rank). Stored as one <see cref="ulong"/> per customer, so millions of
/// customers carry their reasons without a string each. Immutable.
/// </summary>
public sealed class FlagsColumn : FrameColumn
{
    /// <summary>The most flags a column can name.</summary>
    public const int MaxFlags = 64;

    private readonly ulong[] _bits;
    private readonly string[] _names;

    /// <summary>Creates a column from a copy of <paramref name="bits"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="flagNames">The names of the flags; bit i stands for <c>flagNames[i]</c>.</param>
    /// <param name="bits">The flag sets, one per customer.</param>
    /// <exception cref="ArgumentException">There are more than <see cref="MaxFlags"/> names, a name is blank or repeated, or a set uses a bit without a name.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FlagsColumn(string name, IEnumerable<string> flagNames, IEnumerable<ulong> bits)
        : this(name, CheckNames(flagNames), CheckBits(flagNames, bits), owned: true)
    {
    }

    // Takes ownership of the arrays without copying; callers must not keep a writable reference.
    internal FlagsColumn(string name, string[] flagNames, ulong[] bits, bool owned)
        : base(name, bits.Length)
    {
        _ = owned;
        _names = flagNames;
        _bits = bits;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Flags;

    /// <summary>Gets the flag names; bit i stands for <c>FlagNames[i]</c>.</summary>
    public IReadOnlyList<string> FlagNames => _names;

    /// <summary>Gets the flag sets.</summary>
    public ReadOnlySpan<ulong> Bits => _bits;

    /// <summary>Gets the flag set at <paramref name="index"/>.</summary>
    /// <param name="index">The row index.</param>
    public ulong this[int index] => _bits[index];

    /// <summary>Returns the names of the flags set at <paramref name="index"/>, in flag order.</summary>
    /// <param name="index">The row index.</param>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> GetNames(int index)
    {
        var bits = _bits[index];
        var names = new List<string>();
        while (bits != 0)
        {
            names.Add(_names[System.Numerics.BitOperations.TrailingZeroCount(bits)]);
            bits &= bits - 1;
        }

        return names;
    }

    /// <inheritdoc />
    public override object? GetValue(int index) => FormatValue(index);

    /// <summary>Formats the flags set at <paramref name="index"/> as their names joined by "; " (empty when none).</summary>
    /// <param name="index">The row index.</param>
    /// <returns>The text.</returns>
    public override string FormatValue(int index) => string.Join("; ", GetNames(index));

    internal override FrameColumn Take(ReadOnlySpan<int> rows)
    {
        var bits = new ulong[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            bits[i] = rows[i] < 0 ? 0 : _bits[rows[i]];
        }

        return new FlagsColumn(Name, _names, bits, owned: true);
    }

    internal override FrameColumn Missing(string name, int length) => new FlagsColumn(name, _names, new ulong[length], owned: true);

    private static string[] CheckNames(IEnumerable<string> flagNames)
    {
        ArgumentNullException.ThrowIfNull(flagNames);
        var names = flagNames.ToArray();
        if (names.Length > MaxFlags)
        {
            throw new ArgumentException(Guard.Invariant($"A flags column names at most {MaxFlags} flags; {names.Length} were given."), nameof(flagNames));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in names)
        {
            if (!seen.Add(Guard.NotBlank(flag, nameof(flagNames))))
            {
                throw new ArgumentException(Guard.Invariant($"The flag '{flag}' is named twice."), nameof(flagNames));
            }
        }

        return names;
    }

    private static ulong[] CheckBits(IEnumerable<string> flagNames, IEnumerable<ulong> bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var count = flagNames.Count();
        var allowed = count >= MaxFlags ? ulong.MaxValue : (1UL << count) - 1;
        var values = bits.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            if ((values[i] & ~allowed) != 0)
            {
                throw new ArgumentException(Guard.Invariant($"The flag set at index {i} uses a bit beyond the {count} named flags."), nameof(bits));
            }
        }

        return values;
    }
}
