using CustomerValue.Allocation.Internal;

namespace CustomerValue.Allocation;

/// <summary>Builds <see cref="AllocationCustomer"/> inputs from a scored <see cref="CustomerFrame"/>.</summary>
public static class AllocationCustomers
{
    /// <summary>Reads one <see cref="AllocationCustomer"/> per frame row, in row order, from the named columns.</summary>
    /// <param name="frame">The scored frame.</param>
    /// <param name="columns">The column names; <see langword="null"/> for the defaults (the decision stages' column names).</param>
    /// <returns>The customers. Empty text and missing category values read as <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="frame"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">A named column is missing; the message names it, lists the frame's columns and the <see cref="AllocationColumns"/> property that changes it.</exception>
    /// <exception cref="InvalidOperationException">A column has the wrong kind (labels must be category or text, numbers numeric), or a row has no tier.</exception>
    public static IReadOnlyList<AllocationCustomer> FromFrame(CustomerFrame frame, AllocationColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        columns ??= new AllocationColumns();
        var tier = Labels(frame, columns.Tier, nameof(AllocationColumns.Tier))!;
        var status = Labels(frame, columns.Status, nameof(AllocationColumns.Status));
        var priority = Numbers(frame, columns.Priority, nameof(AllocationColumns.Priority));
        var value = Numbers(frame, columns.Value, nameof(AllocationColumns.Value));
        var industry = Labels(frame, columns.Industry, nameof(AllocationColumns.Industry));
        var region = Labels(frame, columns.Region, nameof(AllocationColumns.Region));
        var manager = Labels(frame, columns.AccountManager, nameof(AllocationColumns.AccountManager));
        var result = new AllocationCustomer[frame.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var id = frame.CustomerIds[i];
            var tierLabel = tier(i) ?? throw new InvalidOperationException(
                Check.Invariant($"Customer '{id}' has no tier in column '{columns.Tier}'; run the tier stage first or set AllocationColumns.Tier."));
            result[i] = new AllocationCustomer(id, tierLabel, status?.Invoke(i), priority[i], value[i], industry?.Invoke(i), region?.Invoke(i), manager?.Invoke(i));
        }

        return result;
    }

    private static FrameColumn Column(CustomerFrame frame, string name, string property)
        => frame.TryGetColumn(name, out var column)
            ? column
            : throw new KeyNotFoundException(Check.Invariant(
                $"The frame has no column '{name}' (AllocationColumns.{property}). Its columns are: {string.Join(", ", frame.Columns.Select(c => c.Name))}. Set AllocationColumns.{property} to the column to read."));

    private static Func<int, string?>? Labels(CustomerFrame frame, string? name, string property)
    {
        if (name is null)
        {
            return null;
        }

        return Column(frame, name, property) switch
        {
            CategoryColumn category => i => category[i],
            TextColumn text => i => string.IsNullOrEmpty(text[i]) ? null : text[i],
            var other => throw new InvalidOperationException(Check.Invariant(
                $"The column '{name}' (AllocationColumns.{property}) is {other.Kind}; it must be a category or text column of labels.")),
        };
    }

    private static double[] Numbers(CustomerFrame frame, string name, string property)
        => Column(frame, name, property) is NumericColumn numeric
            ? numeric.Values.ToArray()
            : throw new InvalidOperationException(Check.Invariant(
                $"The column '{name}' (AllocationColumns.{property}) is {Column(frame, name, property).Kind}; it must be numeric."));
}
