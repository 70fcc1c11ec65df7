namespace CustomerValue;

/// <summary>A column of free text (account manager, region, reasons); <see langword="null"/> marks a missing value. Immutable.</summary>
public sealed class TextColumn : FrameColumn
{
    private readonly string?[] _values;

    /// <summary>Creates a column from a copy of <paramref name="values"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values, one per customer in frame order.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public TextColumn(string name, IEnumerable<string?> values)
        : this(name, (values ?? throw new ArgumentNullException(nameof(values))).ToArray(), owned: true)
    {
    }

    // Takes ownership of the array without copying; callers must not keep a writable reference.
    internal TextColumn(string name, string?[] values, bool owned)
        : base(name, values.Length)
    {
        _ = owned;
        _values = values;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Text;

    /// <summary>Gets the value at <paramref name="index"/>.</summary>
    /// <param name="index">The row index.</param>
    public string? this[int index] => _values[index];

    /// <inheritdoc />
    public override object? GetValue(int index) => _values[index];

    /// <inheritdoc />
    public override string FormatValue(int index) => _values[index] ?? string.Empty;

    internal override FrameColumn Take(ReadOnlySpan<int> rows) => new TextColumn(Name, Gather<string?>(_values, rows, null), owned: true);

    internal override FrameColumn Missing(string name, int length) => new TextColumn(name, new string?[length], owned: true);
}
