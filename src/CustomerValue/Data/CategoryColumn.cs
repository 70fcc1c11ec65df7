using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// A column of labels from a fixed, ordered set (segments, tiers, statuses), stored as codes into
/// <see cref="Categories"/>; code -1 marks a missing label. A column of at most <see cref="MaxNarrowCategories"/>
/// categories keeps one byte per customer. Immutable and thread-safe.
/// </summary>
public sealed class CategoryColumn : FrameColumn
{
    /// <summary>The most categories a column stores in one byte per customer; wider columns take four bytes.</summary>
    public const int MaxNarrowCategories = 255;

    // Narrow columns hold code + 1 per customer (0 = missing), so a zeroed array is all missing: at millions of customers
    // the bytes a stage writes, fresh from the operating system, cost more than computing them. _codes is the int form:
    // the storage of a wide column, built on first use of Codes for a narrow one.
    private readonly byte[]? _narrow;
    private readonly string[] _categories;
    private int[]? _codes;

    /// <summary>Creates a column from labels; the categories are the distinct labels in first-seen order unless given.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="labels">The labels, one per customer; <see langword="null"/> for missing.</param>
    /// <param name="categories">The ordered category set, or <see langword="null"/> to infer it.</param>
    /// <exception cref="ArgumentException">A label is not in <paramref name="categories"/>, or the categories repeat.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    public CategoryColumn(string name, IEnumerable<string?> labels, IEnumerable<string>? categories = null)
        : this(name, Encode(labels, categories))
    {
    }

    // Takes ownership of the codes (-1 = missing) without copying.
    internal CategoryColumn(string name, string[] categories, int[] codes)
        : base(name, codes.Length)
    {
        _categories = categories;
        _codes = codes;
    }

    // Takes ownership of narrow codes, each code + 1 (0 = missing), without copying.
    internal CategoryColumn(string name, string[] categories, byte[] codesPlusOne)
        : base(name, codesPlusOne.Length)
    {
        if (categories.Length > MaxNarrowCategories)
        {
            throw new ArgumentException(Guard.Invariant($"A narrow category column holds at most {MaxNarrowCategories} categories; '{name}' has {categories.Length}."), nameof(categories));
        }

        _categories = categories;
        _narrow = codesPlusOne;
    }

    private CategoryColumn(string name, (string[] Categories, int[] Codes) encoded)
        : base(name, encoded.Codes.Length)
    {
        _categories = encoded.Categories;
        if (encoded.Categories.Length <= MaxNarrowCategories)
        {
            _narrow = Narrow(encoded.Codes);
        }
        else
        {
            _codes = encoded.Codes;
        }
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Category;

    /// <summary>Gets the ordered set of labels the codes refer to.</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>
    /// Gets the codes: an index into <see cref="Categories"/>, or -1 when missing. For a narrow column (at most
    /// <see cref="MaxNarrowCategories"/> categories) the four-byte form is built on first use; <see cref="GetCode"/>
    /// reads one row without it.
    /// </summary>
    public ReadOnlySpan<int> Codes => _codes ?? Widen();

    /// <summary>Gets the label at <paramref name="index"/>, or <see langword="null"/> when missing.</summary>
    /// <param name="index">The row index.</param>
    public string? this[int index] => GetCode(index) is var code and >= 0 ? _categories[code] : null;

    /// <summary>Gets the code at <paramref name="index"/>: an index into <see cref="Categories"/>, or -1 when missing.</summary>
    /// <param name="index">The row index.</param>
    /// <returns>The code.</returns>
    public int GetCode(int index) => _narrow is { } narrow ? narrow[index] - 1 : _codes![index];

    /// <summary>Gets the narrow codes (code + 1, 0 = missing), or an empty span for a wide column.</summary>
    internal ReadOnlySpan<byte> NarrowCodes => _narrow;

    /// <inheritdoc />
    public override object? GetValue(int index) => this[index];

    /// <inheritdoc />
    public override string FormatValue(int index) => this[index] ?? string.Empty;

    internal override FrameColumn Take(ReadOnlySpan<int> rows)
        => _narrow is { } narrow
            ? new CategoryColumn(Name, _categories, Gather<byte>(narrow, rows, 0))
            : new CategoryColumn(Name, _categories, Gather(_codes, rows, -1));

    internal override FrameColumn Missing(string name, int length)
    {
        if (_narrow is not null)
        {
            return new CategoryColumn(name, _categories, new byte[length]);
        }

        var codes = new int[length];
        Array.Fill(codes, -1);
        return new CategoryColumn(name, _categories, codes);
    }

    /// <summary>Returns narrow codes (code + 1) for int codes of a column of at most <see cref="MaxNarrowCategories"/> categories.</summary>
    internal static byte[] Narrow(ReadOnlySpan<int> codes)
    {
        var narrow = GC.AllocateUninitializedArray<byte>(codes.Length);
        for (var i = 0; i < codes.Length; i++)
        {
            narrow[i] = unchecked((byte)(codes[i] + 1));
        }

        return narrow;
    }

    /// <summary>Returns a new array of the codes (-1 = missing), without keeping a four-byte form of a narrow column.</summary>
    internal int[] CopyCodes()
    {
        if (_codes is { } wide)
        {
            return (int[])wide.Clone();
        }

        var narrow = _narrow!;
        var codes = GC.AllocateUninitializedArray<int>(narrow.Length);
        for (var i = 0; i < narrow.Length; i++)
        {
            codes[i] = narrow[i] - 1;
        }

        return codes;
    }

    // Racing readers build equal arrays; the first one published is kept.
    private int[] Widen() => Interlocked.CompareExchange(ref _codes, CopyCodes(), null) ?? _codes;

    private static (string[] Categories, int[] Codes) Encode(IEnumerable<string?> labels, IEnumerable<string>? categories)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var set = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        if (categories is not null)
        {
            foreach (var category in categories)
            {
                if (!index.TryAdd(Guard.NotBlank(category, nameof(categories)), set.Count))
                {
                    throw new ArgumentException(Guard.Invariant($"The category '{category}' is listed twice."), nameof(categories));
                }

                set.Add(category);
            }
        }

        var codes = new List<int>();
        foreach (var label in labels)
        {
            if (label is null)
            {
                codes.Add(-1);
                continue;
            }

            if (!index.TryGetValue(label, out var code))
            {
                if (categories is not null)
                {
                    throw new ArgumentException(Guard.Invariant($"The label '{label}' at index {codes.Count} is not one of the categories: {string.Join(", ", set)}."), nameof(labels));
                }

                code = set.Count;
                index.Add(label, code);
                set.Add(label);
            }

            codes.Add(code);
        }

        return ([.. set], [.. codes]);
    }
}
