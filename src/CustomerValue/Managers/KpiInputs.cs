using CustomerValue.Internal;

namespace CustomerValue.Managers;

/// <summary>Reads and checks the columns the manager KPIs use, with messages that name the option to change.</summary>
internal static class KpiInputs
{
    /// <summary>Returns the labels and, per row, the index into them (-1 = missing or empty text).</summary>
    /// <param name="column">A category or text column.</param>
    /// <param name="option">The option that names the column, for the error message.</param>
    /// <param name="ordinal">Whether to order the labels ordinally; otherwise a category column keeps its own order and text its ordinal order.</param>
    public static (string[] Labels, int[] Codes) Labels(FrameColumn column, string option, bool ordinal)
    {
        switch (column)
        {
            case CategoryColumn category:
            {
                var labels = category.Categories.ToArray();
                var map = new int[labels.Length];
                for (var c = 0; c < map.Length; c++)
                {
                    map[c] = c;
                }

                if (ordinal)
                {
                    var order = (int[])map.Clone();
                    Array.Sort(labels, order, StringComparer.Ordinal);
                    for (var k = 0; k < order.Length; k++)
                    {
                        map[order[k]] = k;
                    }
                }

                var codes = category.CopyCodes();
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = codes[i] < 0 ? -1 : map[codes[i]];
                }

                return (labels, codes);
            }

            case TextColumn text:
            {
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                var codes = new int[text.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    var label = text[i];
                    if (string.IsNullOrEmpty(label))
                    {
                        codes[i] = -1;
                    }
                    else if (!index.TryGetValue(label, out codes[i]))
                    {
                        codes[i] = index.Count;
                        index.Add(label, codes[i]);
                    }
                }

                // Ordinal label order, so the result does not depend on which customer comes first.
                var labels = index.Keys.ToArray();
                var firstSeen = index.Values.ToArray();
                Array.Sort(labels, firstSeen, StringComparer.Ordinal);
                var map = new int[labels.Length];
                for (var k = 0; k < firstSeen.Length; k++)
                {
                    map[firstSeen[k]] = k;
                }

                for (var i = 0; i < codes.Length; i++)
                {
                    if (codes[i] >= 0)
                    {
                        codes[i] = map[codes[i]];
                    }
                }

                return (labels, codes);
            }

            default:
                throw NotLabels(column, option);
        }
    }

    /// <summary>Throws unless <paramref name="column"/> is a category or text column.</summary>
    public static void RequireLabels(FrameColumn column, string option)
    {
        if (column.Kind is not (ColumnKind.Category or ColumnKind.Text))
        {
            throw NotLabels(column, option);
        }
    }

    private static ArgumentException NotLabels(FrameColumn column, string option)
        => new(Guard.Invariant(
            $"The column '{column.Name}' ({option}) is {column.Kind}; it must be a category or text column of labels. Set {option} to such a column."));

    /// <summary>Gets a required column, naming the option when it is missing.</summary>
    public static FrameColumn Column(CustomerFrame frame, string name, string option, string snapshot)
        => frame.TryGetColumn(name, out var column)
            ? column
            : throw new ArgumentException(Guard.Invariant(
                $"The {snapshot} frame has no column '{name}' ({option}). Its columns are: {string.Join(", ", frame.Columns.Select(c => c.Name))}. Set {option} to the column to read."));

    /// <summary>Gets a required numeric column.</summary>
    public static NumericColumn Numeric(CustomerFrame frame, string name, string option, string snapshot)
        => Column(frame, name, option, snapshot) as NumericColumn
            ?? throw new ArgumentException(Guard.Invariant(
                $"The column '{name}' ({option}) of the {snapshot} frame is {frame[name].Kind}; it must be numeric. Set {option} to a numeric column."));

    /// <summary>Gets an optional numeric column: <see langword="null"/> when the frame lacks it.</summary>
    public static NumericColumn? OptionalNumeric(CustomerFrame frame, string name, string option)
        => frame.TryGetColumn(name, out _) ? Numeric(frame, name, option, "scored") : null;

    /// <summary>Checks the options and throws one exception naming every invalid one.</summary>
    public static void Validate(ManagerKpiOptions options, string parameter)
    {
        var errors = new List<string>();
        foreach (var (name, column) in new[]
        {
            (nameof(options.ManagerColumn), options.ManagerColumn), (nameof(options.TierColumn), options.TierColumn),
            (nameof(options.ValueColumn), options.ValueColumn), (nameof(options.QuadrantColumn), options.QuadrantColumn),
            (nameof(options.ComplaintsColumn), options.ComplaintsColumn), (nameof(options.SatisfactionColumn), options.SatisfactionColumn),
        })
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                errors.Add(Guard.Invariant($"{name} must name a column; it was '{column}'."));
            }
        }

        if (options.WorkloadByTier is null)
        {
            errors.Add("WorkloadByTier must not be null; use an empty table to weigh every tier DefaultWorkload.");
        }
        else
        {
            foreach (var (tier, weight) in options.WorkloadByTier)
            {
                if (!double.IsFinite(weight) || weight <= 0)
                {
                    errors.Add(Guard.Invariant($"WorkloadByTier['{tier}'] must be finite and > 0; it was {weight}."));
                }
            }
        }

        if (!double.IsFinite(options.DefaultWorkload) || options.DefaultWorkload <= 0)
        {
            errors.Add(Guard.Invariant($"DefaultWorkload must be finite and > 0; it was {options.DefaultWorkload}."));
        }

        if (!(options.TopCustomerShare is > 0 and <= 1))
        {
            errors.Add(Guard.Invariant($"TopCustomerShare must be greater than 0 and at most 1; it was {options.TopCustomerShare}."));
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ManagerKpiOptions: " + string.Join(" ", errors), parameter);
        }
    }
}
