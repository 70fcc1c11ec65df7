namespace CustomerValue;

/// <summary>Options of a migration report (<see cref="MigrationReport.Create(CustomerFrame, CustomerFrame, MigrationOptions?)"/>). Immutable.</summary>
public sealed record MigrationOptions
{
    /// <summary>
    /// Gets the columns to compare: category, text or score columns present in both snapshots. Score columns rank the
    /// highest score first.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: compare <see cref="ColumnNames.Tier"/> and <see cref="ColumnNames.Segment"/>,
    /// each only when both snapshots have it. Named columns must exist in both snapshots.
    /// </value>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Gets the numeric column whose value is reported per customer and summed per transition.</summary>
    /// <value>The default value is <see cref="ColumnNames.Revenue"/>; any numeric column present in both snapshots.</value>
    public string ValueColumn { get; init; } = ColumnNames.Revenue;

    /// <summary>
    /// Gets explicit rank orders by column name, best category first: a move towards the front is "up". An order must list
    /// every label either snapshot uses; labels it lists that no customer has still get a row and a column.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: a category column's own order (first = best, e.g. the segment map's
    /// order), with labels only the 'after' snapshot knows appended; a text column's labels in ordinal order; a score
    /// column's scores from highest to lowest.
    /// </value>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? RankOrders { get; init; }

    /// <summary>Gets the label shown for a missing category. Moves to or from it are neither up nor down.</summary>
    /// <value>The default value is "(none)"; it must differ from every real label.</value>
    public string MissingLabel { get; init; } = "(none)";
}
