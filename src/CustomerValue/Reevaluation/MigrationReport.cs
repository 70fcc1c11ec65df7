using System.Globalization;
using System.Text;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// Re-evaluation over time: how customers moved between the categories (tier, segment, any category, text or score
/// column) of two snapshots scored with the same fitted model, matched by customer id (ordinal). Immutable.
/// </summary>
/// <remarks>
/// Score both snapshots with one frozen <see cref="FittedPipeline"/> so cut points and thresholds are the same, and a move
/// means the customer changed, not the scale. Missing values of the value column add nothing to the sums.
/// </remarks>
public sealed class MigrationReport
{
    private readonly MigrationMatrix[] _matrices;

    private MigrationReport(string valueColumn, int beforeCustomers, int afterCustomers, int matchedCustomers, double[] sums, MigrationMatrix[] matrices)
    {
        ValueColumn = valueColumn;
        BeforeCustomers = beforeCustomers;
        AfterCustomers = afterCustomers;
        MatchedCustomers = matchedCustomers;
        MatchedValueBefore = sums[0];
        MatchedValueAfter = sums[1];
        LostValue = sums[2];
        NewValue = sums[3];
        _matrices = matrices;
    }

    /// <summary>Gets the value column the values come from.</summary>
    public string ValueColumn { get; }

    /// <summary>Gets the number of customers in the 'before' snapshot.</summary>
    public int BeforeCustomers { get; }

    /// <summary>Gets the number of customers in the 'after' snapshot.</summary>
    public int AfterCustomers { get; }

    /// <summary>Gets the number of customers present in both snapshots.</summary>
    public int MatchedCustomers { get; }

    /// <summary>Gets the number of customers only in the 'after' snapshot.</summary>
    public int NewCustomers => AfterCustomers - MatchedCustomers;

    /// <summary>Gets the number of customers only in the 'before' snapshot.</summary>
    public int LostCustomers => BeforeCustomers - MatchedCustomers;

    /// <summary>Gets the 'before' value of the customers present in both snapshots.</summary>
    public double MatchedValueBefore { get; }

    /// <summary>Gets the 'after' value of the customers present in both snapshots.</summary>
    public double MatchedValueAfter { get; }

    /// <summary>Gets the 'after' value of the new customers.</summary>
    public double NewValue { get; }

    /// <summary>Gets the 'before' value of the lost customers.</summary>
    public double LostValue { get; }

    /// <summary>Gets one matrix per compared column, in the order the columns were named.</summary>
    public IReadOnlyList<MigrationMatrix> Matrices => _matrices;

    /// <summary>Gets the matrix of a compared column.</summary>
    /// <param name="column">The column name (ordinal comparison).</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="column"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The column was not compared; the message lists the compared columns.</exception>
    public MigrationMatrix GetMatrix(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        foreach (var matrix in _matrices)
        {
            if (string.Equals(matrix.Column, column, StringComparison.Ordinal))
            {
                return matrix;
            }
        }

        throw new KeyNotFoundException(Guard.Invariant($"The report has no column '{column}'. Its columns are: {string.Join(", ", _matrices.Select(m => m.Column))}."));
    }

    /// <summary>Scores both snapshots with <paramref name="model"/>, then reports the migration of <see cref="ColumnNames.Tier"/> and <see cref="ColumnNames.Segment"/> with the default options.</summary>
    /// <param name="model">The fitted model, usually fitted on the 'before' population; its frozen parameters score both.</param>
    /// <param name="before">The earlier population (e.g. summaries as of last quarter's end).</param>
    /// <param name="after">The later population.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As in <see cref="Create(FittedPipeline, CustomerFrame, CustomerFrame, MigrationOptions?)"/>.</exception>
    public static MigrationReport Create(FittedPipeline model, CustomerFrame before, CustomerFrame after) => Create(model, before, after, null);

    /// <summary>Reports how the customers of two scored snapshots moved between <see cref="ColumnNames.Tier"/> and <see cref="ColumnNames.Segment"/> categories, with the default options.</summary>
    /// <param name="before">The earlier scored snapshot (from <see cref="FittedPipeline.Score"/>).</param>
    /// <param name="after">The later scored snapshot, scored with the same model.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">As in <see cref="Create(CustomerFrame, CustomerFrame, MigrationOptions?)"/>.</exception>
    public static MigrationReport Create(CustomerFrame before, CustomerFrame after) => Create(before, after, null);

    /// <summary>Scores both snapshots with <paramref name="model"/>, then reports the migration between them.</summary>
    /// <param name="model">The fitted model, usually fitted on the 'before' population; its frozen parameters score both.</param>
    /// <param name="before">The earlier population (e.g. summaries as of last quarter's end).</param>
    /// <param name="after">The later population.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="before"/> or <paramref name="after"/> is null.</exception>
    /// <exception cref="ArgumentException">A population lacks a column the model reads, or as in <see cref="Create(CustomerFrame, CustomerFrame, MigrationOptions?)"/>.</exception>
    public static MigrationReport Create(FittedPipeline model, CustomerFrame before, CustomerFrame after, MigrationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Create(model.Score(before), model.Score(after), options);
    }

    /// <summary>Reports how the customers of two scored snapshots moved between categories.</summary>
    /// <param name="before">The earlier scored snapshot (from <see cref="FittedPipeline.Score"/>).</param>
    /// <param name="after">The later scored snapshot, scored with the same model.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="before"/> or <paramref name="after"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An option is invalid (the message names every invalid option); a compared column or the value column is absent
    /// from a snapshot or of the wrong kind; no default column is present in both snapshots; a customer has a category
    /// its explicit rank order does not list; a rank order names a column that is not compared; or a real category is named
    /// like <see cref="MigrationOptions.MissingLabel"/>.
    /// </exception>
    public static MigrationReport Create(CustomerFrame before, CustomerFrame after, MigrationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        options ??= new MigrationOptions();
        Validate(options);
        var columns = ResolveColumns(before, after, options);
        foreach (var column in options.RankOrders?.Keys ?? Enumerable.Empty<string>())
        {
            if (!columns.Contains(column, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    Guard.Invariant($"MigrationOptions.RankOrders has an order for '{column}', which is not compared (compared: {string.Join(", ", columns)}); add it to MigrationOptions.Columns or remove the order."),
                    nameof(options));
            }
        }

        var beforeValues = ValueOf(before, "before", options.ValueColumn);
        var afterValues = ValueOf(after, "after", options.ValueColumn);

        // beforeRow[j] is the 'before' row of 'after' customer j, or -1 for a new customer.
        var beforeRow = new int[after.Count];
        var matched = new bool[before.Count];
        var matchedCount = 0;
        var sums = new double[4];
        for (var j = 0; j < beforeRow.Length; j++)
        {
            var i = before.IndexOf(after.IdArray[j]);
            beforeRow[j] = i;
            if (i >= 0)
            {
                matched[i] = true;
                matchedCount++;
                sums[0] += ValueOrZero(beforeValues[i]);
                sums[1] += ValueOrZero(afterValues[j]);
            }
            else
            {
                sums[3] += ValueOrZero(afterValues[j]);
            }
        }

        for (var i = 0; i < matched.Length; i++)
        {
            if (!matched[i])
            {
                sums[2] += ValueOrZero(beforeValues[i]);
            }
        }

        var matrices = new MigrationMatrix[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            IReadOnlyList<string>? order = null;
            _ = options.RankOrders?.TryGetValue(columns[c], out order);
            var (labels, beforeCodes, afterCodes) = MigrationLabels.Resolve(before[columns[c]], after[columns[c]], order, options.MissingLabel);
            matrices[c] = BuildMatrix(columns[c], labels, options.MissingLabel, before.IdArray, after.IdArray, beforeRow, matched, beforeCodes, afterCodes, beforeValues, afterValues);
        }

        return new MigrationReport(options.ValueColumn, before.Count, after.Count, matchedCount, sums, matrices);
    }

    /// <summary>
    /// Formats the report as invariant-culture text: the totals, then each column's matrices (see <see cref="MigrationMatrix.Format"/>).
    /// </summary>
    /// <returns>The text.</returns>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"customers: before {BeforeCustomers}, after {AfterCustomers}, in both {MatchedCustomers}, new {NewCustomers}, lost {LostCustomers}").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{ValueColumn}: in both {MatchedValueBefore:0.00} -> {MatchedValueAfter:0.00}, new {NewValue:0.00}, lost {LostValue:0.00}").AppendLine();
        foreach (var matrix in _matrices)
        {
            text.AppendLine().Append(matrix.Format());
        }

        return text.ToString();
    }

    /// <inheritdoc cref="Format"/>
    public override string ToString() => Format();

    private static double ValueOrZero(double value) => double.IsNaN(value) ? 0 : value;

    private static void Validate(MigrationOptions options)
    {
        var errors = new List<string>();
        if (options.Columns is { } columns)
        {
            if (columns.Count == 0)
            {
                errors.Add("Columns must name at least one column, or be null to compare tier and segment.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(columns[i]))
                {
                    errors.Add(Guard.Invariant($"Columns[{i}] must not be null, empty or whitespace."));
                }
                else if (!seen.Add(columns[i]))
                {
                    errors.Add(Guard.Invariant($"Columns lists '{columns[i]}' twice."));
                }
            }
        }

        if (string.IsNullOrWhiteSpace(options.ValueColumn))
        {
            errors.Add(Guard.Invariant($"ValueColumn must name a numeric column; it was '{options.ValueColumn}'."));
        }

        var missingLabelValid = !string.IsNullOrWhiteSpace(options.MissingLabel);
        if (!missingLabelValid)
        {
            errors.Add(Guard.Invariant($"MissingLabel must not be null, empty or whitespace; it was '{options.MissingLabel}'."));
        }

        foreach (var (column, order) in options.RankOrders ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (order is null || order.Count == 0)
            {
                errors.Add(Guard.Invariant($"RankOrders['{column}'] must list at least one category, best first."));
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < order.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(order[i]))
                {
                    errors.Add(Guard.Invariant($"RankOrders['{column}'][{i}] must not be null, empty or whitespace."));
                }
                else if (!seen.Add(order[i]))
                {
                    errors.Add(Guard.Invariant($"RankOrders['{column}'] lists '{order[i]}' twice."));
                }
                else if (missingLabelValid && string.Equals(order[i], options.MissingLabel, StringComparison.Ordinal))
                {
                    errors.Add(Guard.Invariant($"RankOrders['{column}'] lists '{order[i]}', the MissingLabel; set MissingLabel to another text."));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MigrationOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    private static string[] ResolveColumns(CustomerFrame before, CustomerFrame after, MigrationOptions options)
    {
        if (options.Columns is null)
        {
            string[] defaults = [ColumnNames.Tier, ColumnNames.Segment];
            var present = defaults.Where(c => before.Contains(c) && after.Contains(c)).ToArray();
            return present.Length > 0
                ? present
                : throw new ArgumentException(
                    Guard.Invariant($"Neither '{ColumnNames.Tier}' nor '{ColumnNames.Segment}' is in both snapshots; set MigrationOptions.Columns to the columns to compare."),
                    nameof(options));
        }

        var errors = new List<string>();
        foreach (var column in options.Columns)
        {
            if (!before.Contains(column))
            {
                errors.Add(Guard.Invariant($"'{column}' is not in the 'before' snapshot."));
            }

            if (!after.Contains(column))
            {
                errors.Add(Guard.Invariant($"'{column}' is not in the 'after' snapshot."));
            }
        }

        return errors.Count == 0
            ? [.. options.Columns]
            : throw new ArgumentException("MigrationOptions.Columns names columns the snapshots lack: " + string.Join(" ", errors), nameof(options));
    }

    private static double[] ValueOf(CustomerFrame frame, string snapshot, string column)
        => frame.TryGetColumn(column, out var found) && found is NumericColumn numeric
            ? numeric.Values.ToArray()
            : throw new ArgumentException(
                found is null
                    ? Guard.Invariant($"The value column '{column}' is not in the '{snapshot}' snapshot; set MigrationOptions.ValueColumn to a numeric column both snapshots have.")
                    : Guard.Invariant($"The value column '{column}' is {found.Kind} in the '{snapshot}' snapshot, not Numeric; set MigrationOptions.ValueColumn to a numeric column."),
                snapshot);

    private static MigrationMatrix BuildMatrix(
        string column,
        string[] labels,
        string missingLabel,
        string[] beforeIds,
        string[] afterIds,
        int[] beforeRow,
        bool[] matched,
        int[] beforeCodes,
        int[] afterCodes,
        double[] beforeValues,
        double[] afterValues)
    {
        var n = labels.Length;
        var missing = string.Equals(labels[^1], missingLabel, StringComparison.Ordinal) ? n - 1 : -1;
        var counts = new int[n * n];
        var valueBefore = new double[n * n];
        var valueAfter = new double[n * n];
        var up = new List<CustomerMove>();
        var down = new List<CustomerMove>();
        var unranked = new List<CustomerMove>();
        var newCustomers = new List<(int Rank, MigrationCustomer Customer)>();
        for (var j = 0; j < afterIds.Length; j++)
        {
            var to = afterCodes[j];
            var i = beforeRow[j];
            if (i < 0)
            {
                newCustomers.Add((to, new MigrationCustomer(afterIds[j], labels[to], afterValues[j])));
                continue;
            }

            var from = beforeCodes[i];
            var cell = (from * n) + to;
            counts[cell]++;
            valueBefore[cell] += ValueOrZero(beforeValues[i]);
            valueAfter[cell] += ValueOrZero(afterValues[j]);
            if (from == to)
            {
                continue;
            }

            var unrankedMove = from == missing || to == missing;
            var move = new CustomerMove(afterIds[j], labels[from], labels[to], unrankedMove ? 0 : from - to, beforeValues[i], afterValues[j]);
            (unrankedMove ? unranked : move.Steps > 0 ? up : down).Add(move);
        }

        var lostCustomers = new List<(int Rank, MigrationCustomer Customer)>();
        for (var i = 0; i < beforeIds.Length; i++)
        {
            if (!matched[i])
            {
                lostCustomers.Add((beforeCodes[i], new MigrationCustomer(beforeIds[i], labels[beforeCodes[i]], beforeValues[i])));
            }
        }

        var cells = new MigrationCell[n * n];
        for (var k = 0; k < cells.Length; k++)
        {
            cells[k] = new MigrationCell(labels[k / n], labels[k % n], counts[k], valueBefore[k], valueAfter[k]);
        }

        return new MigrationMatrix(column, labels, cells, SortMoves(up), SortMoves(down), SortMoves(unranked), SortCustomers(newCustomers), SortCustomers(lostCustomers));
    }

    private static CustomerMove[] SortMoves(List<CustomerMove> moves)
    {
        moves.Sort(static (a, b) =>
        {
            var bySize = Math.Abs(b.Steps).CompareTo(Math.Abs(a.Steps));
            return bySize != 0 ? bySize : string.CompareOrdinal(a.CustomerId, b.CustomerId);
        });
        return [.. moves];
    }

    private static MigrationCustomer[] SortCustomers(List<(int Rank, MigrationCustomer Customer)> customers)
    {
        customers.Sort(static (a, b) =>
        {
            var byRank = a.Rank.CompareTo(b.Rank);
            return byRank != 0 ? byRank : string.CompareOrdinal(a.Customer.CustomerId, b.Customer.CustomerId);
        });
        return [.. customers.Select(c => c.Customer)];
    }
}
