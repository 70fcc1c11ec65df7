namespace CustomerValue.Csv;

/// <summary>
/// What a read did with the rows of a file: <see cref="RowsRead"/> always equals <see cref="RowsAccepted"/> plus
/// <see cref="RowsRejected"/>, and every rejected row is in <see cref="Rejects"/>. Immutable.
/// </summary>
/// <remarks>Empty lines and the header are not rows.</remarks>
public sealed class CsvReadReport
{
    private readonly int[] _counts;

    internal CsvReadReport(long rowsRead, long rowsAccepted, CsvReject[] rejects, int[] counts)
    {
        RowsRead = rowsRead;
        RowsAccepted = rowsAccepted;
        Rejects = rejects;
        _counts = counts;
    }

    /// <summary>Gets the number of data rows read.</summary>
    public long RowsRead { get; }

    /// <summary>Gets the number of rows accepted.</summary>
    public long RowsAccepted { get; }

    /// <summary>Gets the number of rows rejected.</summary>
    public long RowsRejected => Rejects.Count;

    /// <summary>Gets every rejected row, in file order, with its line, raw text and reason.</summary>
    public IReadOnlyList<CsvReject> Rejects { get; }

    /// <summary>Returns how many rows were rejected for <paramref name="reason"/>.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public int CountOf(CsvRejectReason reason)
        => Enum.IsDefined(reason)
            ? _counts[(int)reason]
            : throw new ArgumentOutOfRangeException(nameof(reason), reason, "The reason is not a defined CsvRejectReason value.");
}
