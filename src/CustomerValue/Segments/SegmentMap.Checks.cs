using CustomerValue.Internal;

namespace CustomerValue;

/// <content>The construction-time checks: every message names the entry, the allowed values and the actual value.</content>
public sealed partial class SegmentMap
{
    private static void CheckFallback(string? fallback)
    {
        if (fallback is not null && string.IsNullOrWhiteSpace(fallback))
        {
            throw new ArgumentException(
                Guard.Invariant($"The fallback must be null (the map must then cover every cell) or a non-blank segment name; it was '{fallback}'."),
                nameof(fallback));
        }
    }

    private static void CheckName(string? segment, string entry, string parameter)
    {
        if (string.IsNullOrWhiteSpace(segment))
        {
            throw new ArgumentException(
                Guard.Invariant($"{entry}: the segment name must be non-blank; it was '{segment}'."),
                parameter);
        }
    }

    private static SegmentCells[] CheckEntries(IEnumerable<SegmentCells> segments, string? fallback)
    {
        CheckFallback(fallback);
        var entries = Guard.NotNull(segments).ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i] ?? throw new ArgumentNullException(nameof(segments), Guard.Invariant($"segments[{i}] is null."));
            CheckName(entry.Segment, Guard.Invariant($"segments[{i}]"), nameof(segments));
            if (entry.Cells.Count == 0)
            {
                throw new ArgumentException(
                    Guard.Invariant($"segments[{i}] ('{entry.Segment}') lists no cells; list at least one, or leave the segment out."),
                    nameof(segments));
            }
        }

        return entries;
    }

    private static void CheckRule(SegmentRule? rule, int index, int bins, string parameter)
    {
        if (rule is null)
        {
            throw new ArgumentNullException(parameter, Guard.Invariant($"rules[{index}] is null."));
        }

        CheckName(rule.Segment, Guard.Invariant($"rules[{index}]"), parameter);
        var entry = Guard.Invariant($"rules[{index}] ('{rule.Segment}')");
        CheckRange(rule.Recency, nameof(SegmentRule.Recency), entry, bins, parameter);
        CheckRange(rule.Frequency, nameof(SegmentRule.Frequency), entry, bins, parameter);
        CheckRange(rule.Monetary, nameof(SegmentRule.Monetary), entry, bins, parameter);
    }

    private static void CheckRange(ScoreRange? range, string dimension, string entry, int bins, string parameter)
    {
        if (range is null)
        {
            throw new ArgumentNullException(parameter, Guard.Invariant($"{entry}: {dimension} is null; give a ScoreRange, e.g. new ScoreRange(1, {bins}) for any score."));
        }

        if (range.Min < 1 || range.Min > bins)
        {
            throw new ArgumentException(
                Guard.Invariant($"{entry}: {dimension}.Min must be between 1 and {bins} (the map's bins); it was {range.Min}."),
                parameter);
        }

        if (range.Max < 1 || range.Max > bins)
        {
            throw new ArgumentException(
                Guard.Invariant($"{entry}: {dimension}.Max must be between 1 and {bins} (the map's bins); it was {range.Max}."),
                parameter);
        }

        if (range.Min > range.Max)
        {
            throw new ArgumentException(
                Guard.Invariant($"{entry}: {dimension}.Min must not exceed {dimension}.Max; they were {range.Min} and {range.Max}."),
                parameter);
        }
    }

    /// <summary>Parses every entry's cells into the index of the entry that owns each cell (-1 where none does).</summary>
    private static int[] MapCells(int bins, SegmentCells[] entries, int digits, string notation, string parameter)
    {
        var size = digits == 2 ? bins * bins : bins * bins * bins;
        var owner = new int[size];
        Array.Fill(owner, -1);
        for (var i = 0; i < entries.Length; i++)
        {
            foreach (var cell in entries[i].Cells)
            {
                var at = ParseCell(cell, bins, digits, notation, Guard.Invariant($"segments[{i}] ('{entries[i].Segment}')"), parameter);
                if (owner[at] >= 0)
                {
                    var first = owner[at];
                    throw new ArgumentException(
                        Guard.Invariant($"segments[{i}] ('{entries[i].Segment}') lists cell '{cell}', which segments[{first}] ('{entries[first].Segment}') already lists; a cell belongs to one segment (for overlapping first-match rules use SegmentMap.FromRanges)."),
                        parameter);
                }

                owner[at] = i;
            }
        }

        return owner;
    }

    private static int ParseCell(string cell, int bins, int digits, string notation, string entry, string parameter)
    {
        if (cell.Length != digits)
        {
            throw new ArgumentException(
                Guard.Invariant($"{entry}: cell '{cell}' must be {digits} digits ({notation}), each 1..{bins}; it has {cell.Length} characters."),
                parameter);
        }

        var at = 0;
        for (var d = 0; d < digits; d++)
        {
            var c = cell[d];
            if (c < '0' || c > '9')
            {
                throw new ArgumentException(
                    Guard.Invariant($"{entry}: cell '{cell}' must be {digits} digits ({notation}), each 1..{bins}; character {d + 1} is '{c}', not a digit."),
                    parameter);
            }

            var score = c - '0';
            if (score < 1 || score > bins)
            {
                throw new ArgumentException(
                    Guard.Invariant($"{entry}: cell '{cell}' has score {score} for {notation.Split(' ')[d]}; scores must be between 1 and {bins} (the map's bins)."),
                    parameter);
            }

            at = (at * bins) + score - 1;
        }

        return at;
    }

    private static void ThrowIfUncovered(int[] owner, int bins, int digits, string notation, string factory, string parameter)
    {
        var uncovered = new List<string>();
        for (var cell = 0; cell < owner.Length; cell++)
        {
            if (owner[cell] < 0)
            {
                uncovered.Add(CellCode(cell, bins, digits));
            }
        }

        if (uncovered.Count > 0)
        {
            var shown = string.Join(", ", uncovered.Take(UncoveredShown)) + (uncovered.Count > UncoveredShown ? ", ..." : string.Empty);
            throw new ArgumentException(
                Guard.Invariant($"The map has no fallback, so it must cover every {notation} cell, but {uncovered.Count} of {owner.Length} are uncovered: {shown}. Cover them, or pass a fallback segment name to SegmentMap.{factory} to send them there."),
                parameter);
        }
    }
}
