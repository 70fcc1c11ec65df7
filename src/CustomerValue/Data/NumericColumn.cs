using System.Globalization;

namespace CustomerValue;

/// <summary>A column of numbers; <see cref="double.NaN"/> marks a missing value. Immutable.</summary>
public sealed class NumericColumn : FrameColumn
{
    private readonly double[]? _values;
    private readonly Lazy<double[]>? _deferred;
    private readonly Func<int, double>? _row;

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

    // A column derived from other columns (an RFM code, say) is computed when first read: many runs never read it,
    // and on a large portfolio writing it costs more than the scoring that produced its inputs.
    internal NumericColumn(string name, int length, Func<double[]> compute)
        : base(name, length)
        => _deferred = new Lazy<double[]>(compute, LazyThreadSafetyMode.ExecutionAndPublication);

    // A derived column that can also compute a single row: reading a row does not build the column, reading the
    // values does (in blocks on two threads).
    internal NumericColumn(string name, int length, Func<int, double> row)
        : this(name, length, () => Compute(length, row))
        => _row = row;

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Numeric;

    /// <summary>Gets the values.</summary>
    public ReadOnlySpan<double> Values => Data;

    // Worker threads read the values through this, since a span cannot be shared with them.
    internal ReadOnlyMemory<double> Memory => Data;

    private double[] Data => _values ?? _deferred!.Value;

    /// <summary>Gets the value at <paramref name="index"/>.</summary>
    /// <param name="index">The row index.</param>
    public double this[int index] => _row is { } row && !_deferred!.IsValueCreated ? row(index) : Data[index];

    /// <inheritdoc />
    public override object? GetValue(int index) => this[index];

    /// <inheritdoc />
    public override string FormatValue(int index)
    {
        var value = this[index];
        return double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);
    }

    internal override FrameColumn Take(ReadOnlySpan<int> rows)
    {
        if (_row is not { } row || _deferred!.IsValueCreated)
        {
            return new NumericColumn(Name, Gather<double>(Data, rows, double.NaN), owned: true);
        }

        // A derived column not yet built computes only the rows taken, not all of them.
        var taken = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            taken[i] = rows[i] < 0 ? double.NaN : row(rows[i]);
        }

        return new NumericColumn(Name, taken, owned: true);
    }

    private static double[] Compute(int length, Func<int, double> row)
    {
        var values = GC.AllocateUninitializedArray<double>(length);
        Internal.Ranges.ForBlocks(length, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                values[i] = row(i);
            }
        });
        return values;
    }

    internal override FrameColumn Missing(string name, int length)
    {
        var values = new double[length];
        Array.Fill(values, double.NaN);
        return new NumericColumn(name, values, owned: true);
    }
}
