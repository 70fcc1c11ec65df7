using System.Globalization;
using System.Text;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// The migration of one compared column between two snapshots: the transition matrix of the customers present in both,
/// the value moving between categories, who moved up or down, and the new and lost customers. Immutable.
/// </summary>
public sealed class MigrationMatrix
{
    private readonly string[] _labels;
    private readonly MigrationCell[] _cells;
    private readonly Dictionary<string, int> _labelIndex;

    internal MigrationMatrix(
        string column,
        string[] labels,
        MigrationCell[] cells,
        CustomerMove[] movedUp,
        CustomerMove[] movedDown,
        CustomerMove[] unranked,
        MigrationCustomer[] newCustomers,
        MigrationCustomer[] lostCustomers)
    {
        Column = column;
        _labels = labels;
        _cells = cells;
        MovedUp = movedUp;
        MovedDown = movedDown;
        Unranked = unranked;
        NewCustomers = newCustomers;
        LostCustomers = lostCustomers;
        _labelIndex = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            _labelIndex.Add(labels[i], i);
        }
    }

    /// <summary>Gets the compared column's name.</summary>
    public string Column { get; }

    /// <summary>
    /// Gets the row and column labels in rank order, best first; the missing label
    /// (<see cref="MigrationOptions.MissingLabel"/>) comes last, and only when some customer in either snapshot lacks a category.
    /// </summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>
    /// Gets every cell in row-major order: the cell from <c>Labels[i]</c> to <c>Labels[j]</c> is at
    /// <c>i * Labels.Count + j</c>. Only customers present in both snapshots are counted.
    /// </summary>
    public IReadOnlyList<MigrationCell> Cells => _cells;

    /// <summary>Gets the customers who moved towards the best category, largest move first, then by customer id (ordinal).</summary>
    public IReadOnlyList<CustomerMove> MovedUp { get; }

    /// <summary>Gets the customers who moved away from the best category, largest move first, then by customer id (ordinal).</summary>
    public IReadOnlyList<CustomerMove> MovedDown { get; }

    /// <summary>Gets the customers whose category appeared or disappeared (moves to or from the missing label), by customer id (ordinal).</summary>
    public IReadOnlyList<CustomerMove> Unranked { get; }

    /// <summary>Gets the customers only in the 'after' snapshot, by category rank, then customer id (ordinal).</summary>
    public IReadOnlyList<MigrationCustomer> NewCustomers { get; }

    /// <summary>Gets the customers only in the 'before' snapshot, by category rank, then customer id (ordinal).</summary>
    public IReadOnlyList<MigrationCustomer> LostCustomers { get; }

    /// <summary>Gets the number of customers present in both snapshots (the sum of the matrix).</summary>
    public int MatchedCustomers
    {
        get
        {
            var total = 0;
            foreach (var cell in _cells)
            {
                total += cell.Customers;
            }

            return total;
        }
    }

    /// <summary>Gets the number of customers present in both snapshots whose category did not change (the diagonal).</summary>
    public int Stayed
    {
        get
        {
            var total = 0;
            for (var i = 0; i < _labels.Length; i++)
            {
                total += _cells[(i * _labels.Length) + i].Customers;
            }

            return total;
        }
    }

    /// <summary>Gets the cell from one category to another.</summary>
    /// <param name="from">The 'before' category (a label in <see cref="Labels"/>).</param>
    /// <param name="to">The 'after' category (a label in <see cref="Labels"/>).</param>
    /// <returns>The cell.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">A label is not in <see cref="Labels"/>; the message lists the labels.</exception>
    public MigrationCell GetCell(string from, string to)
        => _cells[(IndexOf(from) * _labels.Length) + IndexOf(to)];

    /// <summary>
    /// Formats the matrix as invariant-culture text: customer counts and 'after' values from each row's category to each
    /// column's category, with totals, then the numbers moved up, down, unranked, new and lost.
    /// </summary>
    /// <returns>The text.</returns>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Column}: customers (rows = before, columns = after)").AppendLine();
        AppendTable(text, c => c.Customers.ToString(CultureInfo.InvariantCulture));
        text.Append(CultureInfo.InvariantCulture, $"{Column}: value after (rows = before, columns = after)").AppendLine();
        AppendTable(text, c => c.ValueAfter.ToString("0.00", CultureInfo.InvariantCulture));
        text.Append(CultureInfo.InvariantCulture, $"stayed {Stayed}, up {MovedUp.Count}, down {MovedDown.Count}, unranked {Unranked.Count}, new {NewCustomers.Count}, lost {LostCustomers.Count}").AppendLine();
        return text.ToString();
    }

    /// <inheritdoc cref="Format"/>
    public override string ToString() => Format();

    private void AppendTable(StringBuilder text, Func<MigrationCell, string> format)
    {
        var n = _labels.Length;
        var grid = new string[n + 2, n + 2];
        grid[0, 0] = "from \\ to";
        grid[0, n + 1] = "total";
        grid[n + 1, 0] = "total";
        var rowTotals = new MigrationCell[n];
        var columnTotals = new MigrationCell[n];
        var all = new MigrationCell(string.Empty, string.Empty, 0, 0, 0);
        for (var i = 0; i < n; i++)
        {
            grid[0, i + 1] = _labels[i];
            grid[i + 1, 0] = _labels[i];
            rowTotals[i] = all;
            columnTotals[i] = all;
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var c = _cells[(i * n) + j];
                grid[i + 1, j + 1] = format(c);
                rowTotals[i] = Add(rowTotals[i], c);
                columnTotals[j] = Add(columnTotals[j], c);
                all = Add(all, c);
            }
        }

        for (var i = 0; i < n; i++)
        {
            grid[i + 1, n + 1] = format(rowTotals[i]);
            grid[n + 1, i + 1] = format(columnTotals[i]);
        }

        grid[n + 1, n + 1] = format(all);
        var widths = new int[n + 2];
        for (var j = 0; j < n + 2; j++)
        {
            for (var i = 0; i < n + 2; i++)
            {
                widths[j] = Math.Max(widths[j], grid[i, j].Length);
            }
        }

        for (var i = 0; i < n + 2; i++)
        {
            text.Append(grid[i, 0].PadRight(widths[0]));
            for (var j = 1; j < n + 2; j++)
            {
                text.Append("  ").Append(grid[i, j].PadLeft(widths[j]));
            }

            text.AppendLine();
        }
    }

    private static MigrationCell Add(MigrationCell sum, MigrationCell cell)
        => sum with { Customers = sum.Customers + cell.Customers, ValueBefore = sum.ValueBefore + cell.ValueBefore, ValueAfter = sum.ValueAfter + cell.ValueAfter };

    private int IndexOf(string label)
        => _labelIndex.TryGetValue(Guard.NotNull(label), out var i)
            ? i
            : throw new KeyNotFoundException(Guard.Invariant($"The column '{Column}' has no category '{label}'. Its categories are: {string.Join(", ", _labels)}."));
}
