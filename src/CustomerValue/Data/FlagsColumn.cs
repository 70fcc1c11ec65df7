using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// A column of flag sets: per customer, which of up to 64 named flags are set (the rules that fired, the criteria
/// that flagged a customer, the reasons for a rank). Stored as one byte per customer for up to 8 flags, two for up to
/// 16 and eight otherwise, so millions of customers carry their reasons without a string each. Immutable and
/// thread-safe.
/// </summary>
public sealed class FlagsColumn : FrameColumn
{
    /// <summary>The most flags a column can name.</summary>
    public const int MaxFlags = 64;

    // Exactly one of the three holds the sets: the narrowest that fits the names, since at millions of customers the
    // bytes a stage writes, fresh from the operating system, cost more than computing them. _bits is also built on first
    // use of Bits for a narrow column.
    private readonly byte[]? _bits8;
    private readonly ushort[]? _bits16;
    private readonly string[] _names;
    private ulong[]? _bits;

    /// <summary>Creates a column from a copy of <paramref name="bits"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="flagNames">The names of the flags; bit i stands for <c>flagNames[i]</c>.</param>
    /// <param name="bits">The flag sets, one per customer.</param>
    /// <exception cref="ArgumentException">There are more than <see cref="MaxFlags"/> names, a name is blank or repeated, or a set uses a bit without a name.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FlagsColumn(string name, IEnumerable<string> flagNames, IEnumerable<ulong> bits)
        : this(name, CheckNames(flagNames), CheckBits(flagNames, bits))
    {
    }

    // Takes ownership of the arrays without copying; callers must not keep a writable reference.
    internal FlagsColumn(string name, string[] flagNames, byte[] bits)
        : base(name, bits.Length)
    {
        (_names, _bits8) = (CheckWidth(flagNames, 8), bits);
    }

    internal FlagsColumn(string name, string[] flagNames, ushort[] bits)
        : base(name, bits.Length)
    {
        (_names, _bits16) = (CheckWidth(flagNames, 16), bits);
    }

    internal FlagsColumn(string name, string[] flagNames, ulong[] bits, bool owned)
        : base(name, bits.Length)
    {
        _ = owned;
        (_names, _bits) = (flagNames, bits);
    }

    private FlagsColumn(string name, string[] flagNames, ulong[] bits)
        : base(name, bits.Length)
    {
        _names = flagNames;
        switch (flagNames.Length)
        {
            case <= 8: _bits8 = Narrow<byte>(bits); break;
            case <= 16: _bits16 = Narrow<ushort>(bits); break;
            default: _bits = bits; break;
        }
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Flags;

    /// <summary>Gets the flag names; bit i stands for <c>FlagNames[i]</c>.</summary>
    public IReadOnlyList<string> FlagNames => _names;

    /// <summary>Gets the flag sets. For a column of at most 16 flags the eight-byte form is built on first use; the indexer reads one row without it.</summary>
    public ReadOnlySpan<ulong> Bits => _bits ?? Widen();

    /// <summary>Gets the flag set at <paramref name="index"/>.</summary>
    /// <param name="index">The row index.</param>
    public ulong this[int index] => _bits8 is { } b8 ? b8[index] : _bits16 is { } b16 ? b16[index] : _bits![index];

    /// <summary>Returns the names of the flags set at <paramref name="index"/>, in flag order.</summary>
    /// <param name="index">The row index.</param>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> GetNames(int index)
    {
        var bits = this[index];
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
        => _bits8 is { } b8 ? new FlagsColumn(Name, _names, Gather<byte>(b8, rows, 0))
            : _bits16 is { } b16 ? new FlagsColumn(Name, _names, Gather<ushort>(b16, rows, 0))
            : new FlagsColumn(Name, _names, Gather<ulong>(_bits, rows, 0), owned: true);

    internal override FrameColumn Missing(string name, int length)
        => _bits8 is not null ? new FlagsColumn(name, _names, new byte[length])
            : _bits16 is not null ? new FlagsColumn(name, _names, new ushort[length])
            : new FlagsColumn(name, _names, new ulong[length], owned: true);

    /// <summary>Stores 64-bit flag sets in a narrower width (the sets use no bit beyond it).</summary>
    internal static void Narrow<T>(ReadOnlySpan<ulong> bits, Span<T> into)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        for (var i = 0; i < bits.Length; i++)
        {
            into[i] = T.CreateTruncating(bits[i]);
        }
    }

    private static T[] Narrow<T>(ulong[] bits)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var narrow = new T[bits.Length];
        Narrow<T>(bits, narrow);
        return narrow;
    }

    private static string[] CheckWidth(string[] flagNames, int width)
        => flagNames.Length <= width ? flagNames : throw new ArgumentException(Guard.Invariant($"{flagNames.Length} flags do not fit {width} bits."), nameof(flagNames));

    private ulong[] Widen()
    {
        var bits = GC.AllocateUninitializedArray<ulong>(Length);
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = this[i];
        }

        // Racing readers build equal arrays; the first one published is kept.
        return Interlocked.CompareExchange(ref _bits, bits, null) ?? bits;
    }

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
