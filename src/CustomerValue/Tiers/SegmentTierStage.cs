using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue.Tiers;

/// <summary>Maps each segment to a tier. Nothing is learned from the population, so it is its own fitted stage.</summary>
internal sealed class SegmentTierStage : ICustomerStage, IFittedCustomerStage
{
    public const string StageKind = "segment-tiers";

    private readonly SegmentTierOptions _options;
    private readonly string[] _inputs;
    private readonly string[] _outputs;
    private readonly string[] _categories;
    private readonly Dictionary<string, int> _tierOfSegment = new(StringComparer.Ordinal);
    private readonly int _defaultCode;

    public SegmentTierStage(SegmentTierOptions options)
    {
        _options = options with { Tiers = [.. options.Tiers.Select(t => t with { Segments = [.. t.Segments] })] };
        _inputs = [options.SegmentColumn];
        _outputs = [options.OutputColumn];
        var categories = new List<string>();
        foreach (var tier in _options.Tiers)
        {
            foreach (var segment in tier.Segments)
            {
                _tierOfSegment.Add(segment, categories.Count);
            }

            categories.Add(tier.Name);
        }

        _defaultCode = -2;
        if (options.DefaultTier is { } fallback)
        {
            _defaultCode = categories.IndexOf(fallback);
            if (_defaultCode < 0)
            {
                _defaultCode = categories.Count;
                categories.Add(fallback);
            }
        }

        _categories = [.. categories];
    }

    public string Name => _options.Name;

    public string Kind => StageKind;

    public IReadOnlyList<string> RequiredColumns => _inputs;

    public IReadOnlyList<string> ProducedColumns => _outputs;

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        _ = Score(population);
        return this;
    }

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        var codes = new int[population.Count];
        switch (population[_options.SegmentColumn])
        {
            case CategoryColumn category:
                var tierOfCode = new int[category.Categories.Count];
                for (var c = 0; c < tierOfCode.Length; c++)
                {
                    tierOfCode[c] = TierOf(category.Categories[c], null);
                }

                for (var i = 0; i < codes.Length; i++)
                {
                    var segment = category.GetCode(i);
                    codes[i] = segment < 0 ? -1 : tierOfCode[segment];
                }

                break;
            case TextColumn text:
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = text[i] is { } segment ? TierOf(segment, population.CustomerIds[i]) : -1;
                }

                break;
            case var other:
                throw new ArgumentException(Guard.Invariant(
                    $"Stage '{Name}' reads segments from column '{other.Name}', but it is a {other.Kind} column; set SegmentColumn to a category or text column."), nameof(population));
        }

        return [new CategoryColumn(_outputs[0], _categories, codes)];
    }

    public StageDescription Describe()
        => new(
            Name,
            Kind,
            [
                new("segment column", _options.SegmentColumn),
                new("output column", _outputs[0]),
                .. _options.Tiers.Select(t => new KeyValuePair<string, string>(t.Name, string.Join(", ", t.Segments))),
                new("default tier", _options.DefaultTier ?? "(none: an unmapped segment is an error)"),
            ],
            []);

    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("segmentColumn", _options.SegmentColumn);
        writer.WriteString("outputColumn", _outputs[0]);
        writer.WriteString("defaultTier", _options.DefaultTier);
        writer.WriteStartArray("tiers");
        foreach (var tier in _options.Tiers)
        {
            writer.WriteStartObject();
            writer.WriteString("name", tier.Name);
            JsonState.WriteStrings(writer, "segments", tier.Segments);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static IFittedCustomerStage Load(string name, JsonElement state)
        => new SegmentTierStage(new SegmentTierOptions
        {
            Name = name,
            SegmentColumn = state.GetProperty("segmentColumn").GetString()!,
            OutputColumn = state.GetProperty("outputColumn").GetString()!,
            DefaultTier = state.GetProperty("defaultTier").GetString(),
            Tiers =
            [
                .. state.GetProperty("tiers").EnumerateArray().Select(t => new SegmentTier(
                    t.GetProperty("name").GetString()!,
                    [.. t.GetProperty("segments").EnumerateArray().Select(s => s.GetString()!)])),
            ],
        });

    private int TierOf(string segment, string? customer)
    {
        if (_tierOfSegment.TryGetValue(segment, out var code))
        {
            return code;
        }

        if (_defaultCode >= 0)
        {
            return _defaultCode;
        }

        var who = customer is null ? string.Empty : Guard.Invariant($" (customer '{customer}')");
        throw PopulationError.Create(Guard.Invariant(
            $"Stage '{Name}': the segment '{segment}'{who} in column '{_options.SegmentColumn}' is in no tier. Add it to a tier's Segments or set SegmentTierOptions.DefaultTier."));
    }
}
