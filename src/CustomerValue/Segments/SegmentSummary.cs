using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>Customers, orders, revenue, average order value and share of revenue per segment of a scored frame. Immutable.</summary>
public sealed class SegmentSummary
{
    private SegmentSummary(SegmentSummaryRow[] rows) => Rows = rows;

    /// <summary>Gets one row per segment that has customers, in the segment map's order.</summary>
    public IReadOnlyList<SegmentSummaryRow> Rows { get; }

    /// <summary>Summarises <paramref name="scored"/> by the labels in <paramref name="segmentColumn"/>.</summary>
    /// <param name="scored">A frame with the segment column and the <see cref="ColumnNames.Orders"/> and <see cref="ColumnNames.Revenue"/> summary columns.</param>
    /// <param name="segmentColumn">A category or text column; the default is <see cref="ColumnNames.Segment"/>.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">A needed column is missing.</exception>
    /// <exception cref="ArgumentException">The segment column is neither category nor text.</exception>
    public static SegmentSummary Create(CustomerFrame scored, string segmentColumn = ColumnNames.Segment)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(segmentColumn);
        var (names, codes) = GroupCodes(scored[segmentColumn]);
        var orders = scored.GetNumeric(ColumnNames.Orders).Values;
        var revenue = scored.GetNumeric(ColumnNames.Revenue).Values;
        var customers = new int[names.Count];
        var orderSums = new double[names.Count];
        var revenueSums = new double[names.Count];
        var total = 0.0;
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            if (code < 0)
            {
                continue;
            }

            customers[code]++;
            orderSums[code] += orders[i];
            revenueSums[code] += revenue[i];
            total += revenue[i];
        }

        var rows = new List<SegmentSummaryRow>();
        for (var g = 0; g < names.Count; g++)
        {
            if (customers[g] > 0)
            {
                rows.Add(new SegmentSummaryRow(
                    names[g], customers[g], orderSums[g], revenueSums[g],
                    orderSums[g] == 0 ? 0 : revenueSums[g] / orderSums[g],
                    total == 0 ? 0 : revenueSums[g] / total));
            }
        }

        return new SegmentSummary([.. rows]);
    }

    private static (IReadOnlyList<string> Names, int[] Codes) GroupCodes(FrameColumn column)
    {
        switch (column)
        {
            case CategoryColumn category:
                return (category.Categories, category.CopyCodes());
            case TextColumn text:
                var names = new List<string>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                var codes = new int[text.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    var label = text[i];
                    if (label is null)
                    {
                        codes[i] = -1;
                        continue;
                    }

                    if (!index.TryGetValue(label, out codes[i]))
                    {
                        codes[i] = names.Count;
                        index.Add(label, codes[i]);
                        names.Add(label);
                    }
                }

                return (names, codes);
            default:
                throw new ArgumentException(Guard.Invariant($"The column '{column.Name}' is {column.Kind}; a segment summary needs a category or text column."), nameof(column));
        }
    }
}
