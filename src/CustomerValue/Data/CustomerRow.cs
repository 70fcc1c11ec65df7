namespace CustomerValue;

/// <summary>A read-only view of one customer's row in a <see cref="CustomerFrame"/>. Immutable.</summary>
public readonly struct CustomerRow : IEquatable<CustomerRow>
{
    private readonly CustomerFrame _frame;

    internal CustomerRow(CustomerFrame frame, int index)
    {
        _frame = frame;
        Index = index;
    }

    /// <summary>Gets the row index in the frame.</summary>
    public int Index { get; }

    /// <summary>Gets the customer id.</summary>
    public string CustomerId => _frame.CustomerIds[Index];

    /// <summary>Gets the value of a column for this customer (see <see cref="FrameColumn.GetValue"/>).</summary>
    /// <param name="column">The column name.</param>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    public object? this[string column] => _frame[column].GetValue(Index);

    /// <summary>Gets a numeric value.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The value (NaN when missing).</returns>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    /// <exception cref="InvalidOperationException">The column is not numeric.</exception>
    public double GetNumber(string column) => _frame.GetNumeric(column)[Index];

    /// <summary>Gets a score (0 when missing).</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The score.</returns>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    /// <exception cref="InvalidOperationException">The column is not a score column.</exception>
    public int GetScore(string column) => _frame.GetScore(column)[Index];

    /// <summary>Gets the value of a text or category column as text.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The text, or <see langword="null"/> when missing.</returns>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    public string? GetText(string column)
    {
        var c = _frame[column];
        return c switch
        {
            TextColumn text => text[Index],
            CategoryColumn category => category[Index],
            _ => c.FormatValue(Index),
        };
    }

    /// <inheritdoc />
    public bool Equals(CustomerRow other) => ReferenceEquals(_frame, other._frame) && Index == other.Index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CustomerRow other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_frame, Index);

    /// <summary>Compares two rows for identity (same frame, same index).</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CustomerRow left, CustomerRow right) => left.Equals(right);

    /// <summary>Compares two rows for identity.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(CustomerRow left, CustomerRow right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => CustomerId;
}
