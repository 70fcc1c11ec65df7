using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// One named column of a <see cref="CustomerFrame"/>: a value per customer, in the frame's row order.
/// Columns are immutable: they own their storage and expose it read-only.
/// </summary>
public abstract class FrameColumn
{
    private protected FrameColumn(string name, int length)
    {
        Name = Guard.NotBlank(name);
        Length = length;
    }

    /// <summary>Gets the column name, unique within a frame (ordinal comparison).</summary>
    public string Name { get; }

    /// <summary>Gets the storage kind.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Gets the number of values.</summary>
    public int Length { get; }

    /// <summary>Gets the value at <paramref name="index"/> as an object: a <see cref="double"/>, an <see cref="int"/> score or a <see cref="string"/>.</summary>
    /// <param name="index">The row index.</param>
    /// <returns>The value, or <see langword="null"/> for a missing text value.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside 0..<see cref="Length"/>-1.</exception>
    public abstract object? GetValue(int index);

    /// <summary>Formats the value at <paramref name="index"/> as invariant-culture text (empty for a missing value).</summary>
    /// <param name="index">The row index.</param>
    /// <returns>The text.</returns>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside 0..<see cref="Length"/>-1.</exception>
    public abstract string FormatValue(int index);

    /// <summary>Returns a column of the same kind holding the values of the given rows, in that order.</summary>
    internal abstract FrameColumn Take(ReadOnlySpan<int> rows);

    /// <summary>Returns a column of the same kind and length with every value missing.</summary>
    internal abstract FrameColumn Missing(string name, int length);

    /// <summary>The values of <paramref name="source"/> at <paramref name="rows"/>, <paramref name="missing"/> where a row is negative: the storage of <see cref="Take"/>.</summary>
    private protected static T[] Gather<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> rows, T missing)
    {
        var taken = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            taken[i] = rows[i] < 0 ? missing : source[rows[i]];
        }

        return taken;
    }

    /// <inheritdoc />
    public override string ToString() => Guard.Invariant($"{Name} ({Kind}, {Length} values)");
}
