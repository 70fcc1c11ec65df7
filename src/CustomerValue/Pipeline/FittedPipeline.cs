using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// A fitted pipeline: every stage's frozen parameters (cut points, collapsed dimensions, thresholds). It scores any
/// population, including customers unseen at fit time, and can be described and saved to JSON for audit and
/// reproduction. Immutable and thread-safe.
/// </summary>
public sealed class FittedPipeline
{
    private const string Format = "CustomerValue.FittedPipeline";
    private const int FormatVersion = 1;
    private readonly IFittedCustomerStage[] _stages;
    private readonly KeyValuePair<string, string[]>[] _required;

    internal FittedPipeline(IFittedCustomerStage[] stages, KeyValuePair<string, string[]>[] required)
    {
        _stages = stages;
        _required = required;
    }

    /// <summary>Gets the fitted stages in order.</summary>
    public IReadOnlyList<IFittedCustomerStage> Stages => _stages;

    /// <summary>Applies every fitted stage in order.</summary>
    /// <param name="population">The population to score; it may be empty and may hold customers unseen at fit time.</param>
    /// <returns>The population with every stage's columns added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException">The population lacks a column a stage reads.</exception>
    public CustomerFrame Score(CustomerFrame population)
    {
        ArgumentNullException.ThrowIfNull(population);
        PipelineChecks.RequireInputs(population, _required.Select(r => (r.Key, (IReadOnlyList<string>)r.Value)), nameof(population), _stages.Select(s => s.ProducedColumns));
        var frame = population;
        foreach (var stage in _stages)
        {
            frame = PipelineChecks.Apply(stage, frame);
        }

        return frame;
    }

    /// <summary>Describes every stage's options and fitted parameters.</summary>
    /// <returns>One description per stage, in order.</returns>
    public IReadOnlyList<StageDescription> Describe() => [.. _stages.Select(s => s.Describe())];

    /// <summary>Returns a readable, invariant-culture description of the stages, options and fitted parameters.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var stage in Describe())
        {
            text.Append(CultureInfo.InvariantCulture, $"stage {stage.Name} ({stage.Kind})").AppendLine();
            foreach (var (key, value) in stage.Options)
            {
                text.Append(CultureInfo.InvariantCulture, $"  option {key} = {value}").AppendLine();
            }

            foreach (var (key, value) in stage.Parameters)
            {
                text.Append(CultureInfo.InvariantCulture, $"  fitted {key} = {value}").AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Saves the fitted pipeline as JSON, so a scoring run can be reproduced and audited later.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartArray("stages");
            for (var i = 0; i < _stages.Length; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("name", _stages[i].Name);
                writer.WriteString("kind", _stages[i].Kind);
                JsonState.WriteStrings(writer, "requires", _required[i].Value);
                writer.WritePropertyName("state");
                _stages[i].WriteState(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Loads a fitted pipeline saved with <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="customStages">Loaders for custom stage kinds, by kind; built-in kinds need none.</param>
    /// <returns>The fitted pipeline, which scores exactly as the saved one did.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a saved pipeline, or a stage kind has no loader.</exception>
    public static FittedPipeline FromJson(string json, IReadOnlyDictionary<string, FittedStageLoader>? customStages = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.GetString() != Format
                || !root.TryGetProperty("version", out var version) || version.GetInt32() != FormatVersion)
            {
                throw new FormatException(Guard.Invariant($"The text is not a saved CustomerValue pipeline (expected \"format\": \"{Format}\", \"version\": {FormatVersion})."));
            }

            var stages = new List<IFittedCustomerStage>();
            var required = new List<KeyValuePair<string, string[]>>();
            foreach (var element in root.GetProperty("stages").EnumerateArray())
            {
                var name = element.GetProperty("name").GetString()!;
                var kind = element.GetProperty("kind").GetString()!;
                var state = element.GetProperty("state");
                FittedStageLoader? loader = null;
                if (!BuiltInStages.TryGetLoader(kind, out loader) && customStages?.TryGetValue(kind, out loader) != true)
                {
                    throw new FormatException(Guard.Invariant($"Stage '{name}' has kind '{kind}', which is not built in; pass its loader in customStages."));
                }

                // Loaders copy what they keep, so nothing refers to the document after it is disposed.
                stages.Add(loader!(name, state.Clone()));
                required.Add(new(name, [.. element.GetProperty("requires").EnumerateArray().Select(c => c.GetString()!)]));
            }

            return new FittedPipeline([.. stages], [.. required]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("The saved pipeline is malformed: " + e.Message, e);
        }
    }
}
