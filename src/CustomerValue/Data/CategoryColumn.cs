using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// A column of labels from a fixed, ordered set (segments, tiers, statuses), stored as codes into
/// <see cref="Categories"/>; code -1 marks a missing label. Immutable.
/// </summary>
public sealed class CategoryColumn : FrameColumn
{
    private readonly int[] _codes;
    private readonly string[] _categories;

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

    internal CategoryColumn(string name, string[] categories, int[] codes)
        : base(name, codes.Length)
    {
        _categories = categories;
        _codes = codes;
    }

    private CategoryColumn(string name, (string[] Categories, int[] Codes) encoded)
        : this(name, encoded.Categories, encoded.Codes)
    {
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Category;

    /// <summary>Gets the ordered set of labels the codes refer to.</summary>
    public IReadOnlyList<string> Categories => _categories;

    /// <summary>Gets the codes: an index into <see cref="Categories"/>, or -1 when missing.</summary>
    public ReadOnlySpan<int> Codes => _codes;

    /// <summary>Gets the label at <paramref name="index"/>, or <see langword="null"/> when missing.</summary>
    /// <param name="index">The row index.</param>
    public string? this[int index] => _codes[index] < 0 ? null : _categories[_codes[index]];

    /// <inheritdoc />
    public override object? GetValue(int index) => this[index];

    /// <inheritdoc />
    public override string FormatValue(int index) => this[index] ?? string.Empty;

    internal override FrameColumn Take(ReadOnlySpan<int> rows)
    {
        var codes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = rows[i] < 0 ? -1 : _codes[rows[i]];
        }

        return new CategoryColumn(Name, _categories, codes);
    }

    internal override FrameColumn Missing(string name, int length)
    {
        var codes = new int[length];
        Array.Fill(codes, -1);
        return new CategoryColumn(name, _categories, codes);
    }

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
