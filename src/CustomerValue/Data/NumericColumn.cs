using System.Globalization;

namespace CustomerValue;

/// <summary>A column of numbers; <see cref="double.NaN"/> marks a missing value. Immutable.</summary>
public sealed class NumericColumn : FrameColumn
{
    private readonly double[] _values;

    /// <summary>Creates a column from a copy of <paramref name="values"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values, one per customer in frame order.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public NumericColumn(string name, IEnumerable<double> values)
        : this(name, (values ?? throw new ArgumentNullException(nameof(values))).ToArray(), owned: true)
    {
    }

    // Takes ownership of the array without copying; callers must not keep a writable reference.
    internal NumericColumn(string name, double[] values, bool owned)
        : base(name, values.Length)
    {
        _ = owned;
        _values = values;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Numeric;

    /// <summary>Gets the values.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Gets the value at <paramref name="index"/>.</summary>
    /// <param name="index">The row index.</param>
    public double this[int index] => _values[index];

    /// <inheritdoc />
    public override object? GetValue(int index) => _values[index];

    /// <inheritdoc />
    public override string FormatValue(int index)
    {
        var value = _values[index];
        return double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);
    }

    internal override FrameColumn Take(ReadOnlySpan<int> rows)
    {
        var values = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            values[i] = rows[i] < 0 ? double.NaN : _values[rows[i]];
        }

        return new NumericColumn(Name, values, owned: true);
    }

    internal override FrameColumn Missing(string name, int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return new NumericColumn(name, values, owned: true);
    }
}
