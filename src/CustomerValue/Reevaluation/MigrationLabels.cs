using System.Globalization;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>Puts one compared column of two snapshots onto a common, ranked label set (best first, missing last).</summary>
internal static class MigrationLabels
{
    /// <summary>Returns the ranked labels and, per snapshot row, the index into them.</summary>
    public static (string[] Labels, int[] Before, int[] After) Resolve(
        FrameColumn before, FrameColumn after, IReadOnlyList<string>? explicitOrder, string missingLabel)
    {
        if (before.Kind != after.Kind)
        {
            throw new ArgumentException(
                Guard.Invariant($"The column '{before.Name}' is {before.Kind} in the 'before' snapshot but {after.Kind} in the 'after' snapshot; score both with the same model."),
                nameof(after));
        }

        var (beforeLabels, beforeCodes) = Local(before);
        var (afterLabels, afterCodes) = Local(after);
        var order = explicitOrder is null ? DefaultOrder(before, beforeLabels, afterLabels) : [.. explicitOrder];
        var index = new Dictionary<string, int>(order.Length, StringComparer.Ordinal);
        for (var i = 0; i < order.Length; i++)
        {
            index.Add(order[i], i);
        }

        if (index.ContainsKey(missingLabel))
        {
            throw new ArgumentException(
                Guard.Invariant($"The column '{before.Name}' has a category named '{missingLabel}', the label for a missing category; set MigrationOptions.MissingLabel to another text."),
                nameof(before));
        }

        var beforeMap = MapLabels(before.Name, "before", beforeLabels, beforeCodes, index);
        var afterMap = MapLabels(after.Name, "after", afterLabels, afterCodes, index);
        var missing = order.Length;
        var anyMissing = Apply(beforeCodes, beforeMap, missing) | Apply(afterCodes, afterMap, missing);
        return (anyMissing ? [.. order, missingLabel] : order, beforeCodes, afterCodes);
    }

    // Local labels and codes per snapshot: category codes as they are, text labels in first-seen order, and scores
    // as labels "k".."1" so code 0 is the best score.
    private static (string[] Labels, int[] Codes) Local(FrameColumn column)
    {
        switch (column)
        {
            case CategoryColumn category:
                return ([.. category.Categories], category.CopyCodes());
            case ScoreColumn score:
            {
                var labels = new string[score.Bins];
                for (var i = 0; i < labels.Length; i++)
                {
                    labels[i] = (score.Bins - i).ToString(CultureInfo.InvariantCulture);
                }

                var values = score.Values;
                var codes = new int[values.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = values[i] == 0 ? -1 : score.Bins - values[i];
                }

                return (labels, codes);
            }

            case TextColumn text:
            {
                var labels = new List<string>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                var codes = new int[text.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    var label = text[i];
                    if (label is null)
                    {
                        codes[i] = -1;
                    }
                    else if (!index.TryGetValue(label, out codes[i]))
                    {
                        codes[i] = labels.Count;
                        index.Add(label, codes[i]);
                        labels.Add(label);
                    }
                }

                return ([.. labels], codes);
            }

            default:
                throw new ArgumentException(
                    Guard.Invariant($"The column '{column.Name}' is {column.Kind}; a migration compares category, text or score columns (MigrationOptions.Columns)."),
                    nameof(column));
        }
    }

    private static string[] DefaultOrder(FrameColumn column, string[] before, string[] after)
    {
        switch (column.Kind)
        {
            case ColumnKind.Score:
                // Scores rank highest first; the longer scale covers both snapshots.
                return before.Length >= after.Length ? before : after;
            case ColumnKind.Text:
            {
                var union = new SortedSet<string>(before, StringComparer.Ordinal);
                union.UnionWith(after);
                return [.. union];
            }

            default:
            {
                var order = new List<string>(before);
                var seen = new HashSet<string>(before, StringComparer.Ordinal);
                foreach (var label in after)
                {
                    if (seen.Add(label))
                    {
                        order.Add(label);
                    }
                }

                return [.. order];
            }
        }
    }

    // Only an explicit order can miss a label; a label no customer has may be missing from it, so a category set's
    // unused labels are dropped rather than rejected.
    private static int[] MapLabels(string column, string snapshot, string[] labels, int[] codes, Dictionary<string, int> index)
    {
        var map = new int[labels.Length];
        Array.Fill(map, -1);
        for (var i = 0; i < labels.Length; i++)
        {
            if (index.TryGetValue(labels[i], out var rank))
            {
                map[i] = rank;
            }
        }

        foreach (var code in codes)
        {
            if (code >= 0 && map[code] < 0)
            {
                throw new ArgumentException(
                    Guard.Invariant($"The column '{column}' has the category '{labels[code]}' in the '{snapshot}' snapshot, which MigrationOptions.RankOrders['{column}'] does not list; add it to the order or remove the order to use the column's own."));
            }
        }

        return map;
    }

    private static bool Apply(int[] codes, int[] map, int missing)
    {
        var anyMissing = false;
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] < 0)
            {
                codes[i] = missing;
                anyMissing = true;
            }
            else
            {
                codes[i] = map[codes[i]];
            }
        }

        return anyMissing;
    }
}
