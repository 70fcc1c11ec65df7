using System.Globalization;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>A column of scores 1..<see cref="Bins"/> stored one byte per customer; 0 marks a missing score. Immutable.</summary>
public sealed class ScoreColumn : FrameColumn
{
    private readonly byte[] _values;

    /// <summary>Creates a column from a copy of <paramref name="values"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="bins">The largest score, 2..9.</param>
    /// <param name="values">The scores, each 0 (missing) or 1..<paramref name="bins"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> or a score is out of range.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ScoreColumn(string name, int bins, IEnumerable<int> values)
        : this(name, bins, ToBytes(bins, values ?? throw new ArgumentNullException(nameof(values))))
    {
    }

    internal ScoreColumn(string name, int bins, byte[] values)
        : base(name, values.Length)
    {
        Bins = Guard.InRange(bins, 2, 9);
        _values = values;
    }

    /// <inheritdoc />
    public override ColumnKind Kind => ColumnKind.Score;

    /// <summary>Gets the largest score, k.</summary>
    public int Bins { get; }

    /// <summary>Gets the scores.</summary>
    public ReadOnlySpan<byte> Values => _values;

    /// <summary>Gets the score at <paramref name="index"/> (0 when missing).</summary>
    /// <param name="index">The row index.</param>
    public int this[int index] => _values[index];

    /// <inheritdoc />
    public override object? GetValue(int index) => (int)_values[index];

    /// <inheritdoc />
    public override string FormatValue(int index)
        => _values[index] == 0 ? string.Empty : ((int)_values[index]).ToString(CultureInfo.InvariantCulture);

    internal override FrameColumn Take(ReadOnlySpan<int> rows) => new ScoreColumn(Name, Bins, Gather<byte>(_values, rows, 0));

    internal override FrameColumn Missing(string name, int length) => new ScoreColumn(name, Bins, new byte[length]);

    private static byte[] ToBytes(int bins, IEnumerable<int> values)
    {
        Guard.InRange(bins, 2, 9);
        var list = new List<byte>();
        foreach (var value in values)
        {
            if (value < 0 || value > bins)
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, Guard.Invariant($"A score must be between 1 and {bins} (or 0 for missing); it was {value} at index {list.Count}."));
            }

            list.Add((byte)value);
        }

        return [.. list];
    }
}
