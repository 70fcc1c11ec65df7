using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue.Rfm;

/// <summary>Maps R, F and M scores to a named segment. Nothing is learned from the population, so it is its own fitted stage.</summary>
internal sealed class SegmentStage(string name, SegmentMap map) : ICustomerStage, IFittedCustomerStage
{
    public const string StageKind = "segments";

    private static readonly string[] Inputs = [ColumnNames.RecencyScore, ColumnNames.FrequencyScore, ColumnNames.MonetaryScore];
    private static readonly string[] Outputs = [ColumnNames.Segment];

    public string Name { get; } = name;

    public string Kind => StageKind;

    public SegmentMap Map { get; } = map;

    public IReadOnlyList<string> RequiredColumns => Inputs;

    public IReadOnlyList<string> ProducedColumns => Outputs;

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        CheckBins(population);
        return this;
    }

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        CheckBins(population);
        return [Map.Assign(ColumnNames.Segment, population.GetScore(ColumnNames.RecencyScore), population.GetScore(ColumnNames.FrequencyScore), population.GetScore(ColumnNames.MonetaryScore))];
    }

    public StageDescription Describe()
    {
        var validation = Map.Validate();
        return new StageDescription(
            Name,
            Kind,
            [new("bins", Guard.Invariant($"{Map.Bins}")), new("segments", string.Join(", ", Map.Segments)), new("fallback", Map.Fallback ?? "(none: the map is total)")],
            [new("uncovered cells", validation.UncoveredCells.Count == 0 ? "none" : string.Join(" ", validation.UncoveredCells))]);
    }

    // The map is saved as its resolved cell table (code -> segment), which reproduces any kind of map exactly.
    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("bins", Map.Bins);
        writer.WriteString("fallback", Map.Fallback);
        writer.WriteStartObject("cells");
        var cells = new List<string>[Map.Segments.Count];
        for (var r = 1; r <= Map.Bins; r++)
        {
            for (var f = 1; f <= Map.Bins; f++)
            {
                for (var m = 1; m <= Map.Bins; m++)
                {
                    var segment = Map.Lookup(r, f, m);
                    if (Map.Fallback is null || !string.Equals(Map.Segments[segment], Map.Fallback, StringComparison.Ordinal))
                    {
                        (cells[segment] ??= []).Add(Guard.Invariant($"{r}{f}{m}"));
                    }
                }
            }
        }

        for (var s = 0; s < cells.Length; s++)
        {
            if (cells[s] is { } list)
            {
                writer.WritePropertyName(Map.Segments[s]);
                writer.WriteStringValue(string.Join(' ', list));
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static IFittedCustomerStage Load(string name, JsonElement state)
    {
        var cells = state.GetProperty("cells").EnumerateObject()
            .Select(p => new SegmentCells(p.Name, p.Value.GetString()!.Split(' ')))
            .ToArray();
        var map = SegmentMap.FromCodes(state.GetProperty("bins").GetInt32(), cells, state.GetProperty("fallback").GetString());
        return new SegmentStage(name, map);
    }

    private void CheckBins(CustomerFrame population)
    {
        var bins = population.GetScore(ColumnNames.RecencyScore).Bins;
        if (bins != Map.Bins)
        {
            throw new ArgumentException(Guard.Invariant(
                $"Stage '{Name}': the segment map is defined for {Map.Bins} bins but the scores run 1..{bins}; use a map for {bins} bins or score with {Map.Bins} bins."), nameof(population));
        }
    }
}
