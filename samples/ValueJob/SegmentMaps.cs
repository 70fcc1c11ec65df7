using System.Globalization;
using CustomerValue;

namespace ValueJob;

/// <summary>Segment maps for any number of scores.</summary>
internal static class SegmentMaps
{
    private const int DefaultBins = 5;

    /// <summary>
    /// The library's default R x FM grid is defined for 5 scores. For another k, each (R, FM) cell takes the segment
    /// of the 5-score cell at the same relative position (score s maps to 1 + (s - 1) * 4 / (k - 1), rounded half
    /// away from zero), so every cell is covered once and the best cell is still Champions.
    /// </summary>
    public static SegmentMap DefaultFor(int bins)
    {
        if (bins == DefaultBins)
        {
            return SegmentMap.Default;
        }

        var cells = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var r = 1; r <= bins; r++)
        {
            for (var fm = 1; fm <= bins; fm++)
            {
                var segment = SegmentMap.Default.Classify(Stretch(r, bins), Stretch(fm, bins), Stretch(fm, bins));
                if (!cells.TryGetValue(segment, out var list))
                {
                    cells[segment] = list = [];
                }

                list.Add(string.Create(CultureInfo.InvariantCulture, $"{r}{fm}"));
            }
        }

        // Keep the default map's order of segments, so tables and charts list them the same way for any k.
        var ordered = SegmentMap.Default.Segments.Where(cells.ContainsKey).Select(s => new SegmentCells(s, cells[s]));
        return SegmentMap.FromRecencyFmCells(bins, ordered);
    }

    private static int Stretch(int score, int bins)
        => (int)Math.Round(1 + ((score - 1) * (DefaultBins - 1.0) / (bins - 1)), MidpointRounding.AwayFromZero);
}
