using System.Collections.ObjectModel;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// An immutable, columnar table of customers: one row per customer id, and named columns
/// (summaries, carried attributes, and every pipeline stage's outputs). Thread-safe.
/// </summary>
/// <remarks>
/// Columns are stored as arrays (struct of arrays), so stages read millions of customers without
/// per-customer objects. Adding columns returns a new frame that shares the existing columns.
/// </remarks>
public sealed class CustomerFrame
{
    private readonly CustomerIdList _ids;
    private readonly FrameColumn[] _columns;
    private readonly Dictionary<string, int> _columnIndex;
    private readonly Lazy<Dictionary<string, int>> _rowIndex;

    private CustomerFrame(CustomerIdList ids, FrameColumn[] columns, Dictionary<string, int> columnIndex, Lazy<Dictionary<string, int>>? rowIndex)
    {
        _ids = ids;
        _columns = columns;
        _columnIndex = columnIndex;
        _rowIndex = rowIndex ?? new Lazy<Dictionary<string, int>>(BuildRowIndex, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the number of customers.</summary>
    public int Count => _ids.Count;

    /// <summary>Gets the customer ids, in row order.</summary>
    public IReadOnlyList<string> CustomerIds => _ids.Strings;

    /// <summary>Gets the columns, in the order they were added.</summary>
    public IReadOnlyList<FrameColumn> Columns => _columns;

    /// <summary>Gets the column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name (ordinal comparison).</param>
    /// <exception cref="KeyNotFoundException">The frame has no such column; the message lists the columns it has.</exception>
    public FrameColumn this[string name]
        => TryGetColumn(name, out var column)
            ? column
            : throw new KeyNotFoundException(Guard.Invariant($"The frame has no column '{name}'. Its columns are: {string.Join(", ", _columns.Select(c => c.Name))}."));

    /// <summary>Gets the row view of the customer at <paramref name="index"/>.</summary>
    /// <param name="index">The row index.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..<see cref="Count"/>-1.</exception>
    public CustomerRow GetRow(int index) => new(this, Guard.InRange(index, 0, Count - 1));

    /// <summary>Enumerates the rows in order.</summary>
    /// <returns>The rows.</returns>
    public IEnumerable<CustomerRow> Rows()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return new CustomerRow(this, i);
        }
    }

    /// <summary>Creates a frame from customer ids and columns.</summary>
    /// <param name="customerIds">The ids: non-blank and unique (ordinal comparison).</param>
    /// <param name="columns">The columns, each with one value per id.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="ArgumentException">An id is blank or repeated, a column name repeats, or a column's length differs from the number of ids.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CustomerFrame Create(IEnumerable<string> customerIds, IEnumerable<FrameColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(columns);
        var ids = customerIds.ToArray();
        var rowIndex = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(ids[i]))
            {
                throw new ArgumentException(Guard.Invariant($"The customer id at row {i} is empty or whitespace."), nameof(customerIds));
            }

            if (!rowIndex.TryAdd(ids[i], i))
            {
                throw new ArgumentException(Guard.Invariant($"The customer id '{ids[i]}' appears twice (rows {rowIndex[ids[i]]} and {i}); ids must be unique."), nameof(customerIds));
            }
        }

        var frame = new CustomerFrame(CustomerIdList.FromStrings(ids), [], new Dictionary<string, int>(StringComparer.Ordinal), new Lazy<Dictionary<string, int>>(rowIndex));
        return frame.AddColumns(columns);
    }

    /// <summary>Creates a frame from ids the caller guarantees unique and non-blank, without copying them.</summary>
    internal static CustomerFrame CreateTrusted(string[] ids, IEnumerable<FrameColumn> columns)
        => CreateTrusted(CustomerIdList.FromStrings(ids), columns);

    /// <summary>Creates a frame from ids the caller guarantees unique and non-blank.</summary>
    internal static CustomerFrame CreateTrusted(CustomerIdList ids, IEnumerable<FrameColumn> columns)
        => new CustomerFrame(ids, [], new Dictionary<string, int>(StringComparer.Ordinal), null).AddColumns(columns);

    /// <summary>Returns whether the frame has a column named <paramref name="name"/>.</summary>
    /// <param name="name">The column name.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(string name) => _columnIndex.ContainsKey(name);

    /// <summary>Gets the column named <paramref name="name"/>, if any.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="column">The column, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FrameColumn? column)
    {
        if (_columnIndex.TryGetValue(name, out var i))
        {
            column = _columns[i];
            return true;
        }

        column = null;
        return false;
    }

    /// <summary>Gets a numeric column.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    /// <exception cref="InvalidOperationException">The column is not numeric.</exception>
    public NumericColumn GetNumeric(string name) => As<NumericColumn>(name, ColumnKind.Numeric);

    /// <summary>Gets a score column.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    /// <exception cref="InvalidOperationException">The column is not a score column.</exception>
    public ScoreColumn GetScore(string name) => As<ScoreColumn>(name, ColumnKind.Score);

    /// <summary>Gets a category column.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    /// <exception cref="InvalidOperationException">The column is not a category column.</exception>
    public CategoryColumn GetCategory(string name) => As<CategoryColumn>(name, ColumnKind.Category);

    /// <summary>Gets a text column.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column.</returns>
    /// <exception cref="KeyNotFoundException">There is no such column.</exception>
    /// <exception cref="InvalidOperationException">The column is not a text column.</exception>
    public TextColumn GetText(string name) => As<TextColumn>(name, ColumnKind.Text);

    /// <summary>Returns the row index of <paramref name="customerId"/>, or -1 when the frame has no such customer.</summary>
    /// <param name="customerId">The customer id (ordinal comparison).</param>
    /// <returns>The row index or -1.</returns>
    public int IndexOf(string customerId)
        => _rowIndex.Value.TryGetValue(Guard.NotNull(customerId), out var i) ? i : -1;

    /// <summary>Returns a new frame with <paramref name="columns"/> added after the existing ones.</summary>
    /// <param name="columns">The columns to add, each with one value per customer.</param>
    /// <returns>The new frame; this one is unchanged.</returns>
    /// <exception cref="ArgumentException">A name is already used or a length differs from <see cref="Count"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is null.</exception>
    public CustomerFrame AddColumns(IEnumerable<FrameColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var all = new List<FrameColumn>(_columns);
        var index = new Dictionary<string, int>(_columnIndex, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            if (column.Length != Count)
            {
                throw new ArgumentException(Guard.Invariant($"The column '{column.Name}' has {column.Length} values but the frame has {Count} customers."), nameof(columns));
            }

            if (!index.TryAdd(column.Name, all.Count))
            {
                throw new ArgumentException(Guard.Invariant($"The frame already has a column named '{column.Name}'; column names must be unique."), nameof(columns));
            }

            all.Add(column);
        }

        return new CustomerFrame(_ids, [.. all], index, _rowIndex);
    }

    /// <summary>Returns a new frame with <paramref name="columns"/> added after the existing ones.</summary>
    /// <param name="columns">The columns to add.</param>
    /// <returns>The new frame.</returns>
    /// <exception cref="ArgumentException">A name is already used or a length differs from <see cref="Count"/>.</exception>
    public CustomerFrame AddColumns(params FrameColumn[] columns) => AddColumns((IEnumerable<FrameColumn>)columns);

    /// <summary>
    /// Carries the columns of <paramref name="attributes"/> (account manager, region, complaints...) into this frame,
    /// matching rows by customer id. Customers absent from <paramref name="attributes"/> get missing values;
    /// customers only in <paramref name="attributes"/> are not added (use <see cref="Select"/> or summaries for that).
    /// </summary>
    /// <param name="attributes">A frame of per-customer attributes.</param>
    /// <returns>The new frame.</returns>
    /// <exception cref="ArgumentException">An attribute column's name is already used in this frame.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="attributes"/> is null.</exception>
    public CustomerFrame Join(CustomerFrame attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var ids = IdArray;
        var rows = new int[ids.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = attributes.IndexOf(ids[i]);
        }

        return AddColumns(attributes._columns.Select(c => c.Take(rows)));
    }

    /// <summary>Returns a frame of the customers at the given rows, in that order, with all columns.</summary>
    /// <param name="rows">Row indexes, each in 0..<see cref="Count"/>-1, without repeats.</param>
    /// <returns>The new frame.</returns>
    /// <exception cref="ArgumentException">An index is out of range or repeated.</exception>
    public CustomerFrame Select(IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var picked = rows.ToArray();
        var all = IdArray;
        var seen = new bool[all.Length];
        var ids = new string[picked.Length];
        for (var i = 0; i < picked.Length; i++)
        {
            if ((uint)picked[i] >= (uint)all.Length || seen[picked[i]])
            {
                throw new ArgumentException(Guard.Invariant($"Row {picked[i]} is out of range 0..{all.Length - 1} or repeated."), nameof(rows));
            }

            seen[picked[i]] = true;
            ids[i] = all[picked[i]];
        }

        return CreateTrusted(ids, _columns.Select(c => c.Take(picked)));
    }

    /// <summary>Gets the ids as strings (decoded on first use when the frame holds them as bytes).</summary>
    internal string[] IdArray => _ids.Strings;

    /// <summary>Gets whether the ids exist as strings yet (see <see cref="CustomerIdList"/>).</summary>
    internal bool IdsDecoded => _ids.IsDecoded;

    private T As<T>(string name, ColumnKind kind)
        where T : FrameColumn
        => this[name] as T
            ?? throw new InvalidOperationException(Guard.Invariant($"The column '{name}' is {this[name].Kind}, not {kind}."));

    private Dictionary<string, int> BuildRowIndex()
    {
        var ids = IdArray;
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            index.Add(ids[i], i);
        }

        return index;
    }
}
