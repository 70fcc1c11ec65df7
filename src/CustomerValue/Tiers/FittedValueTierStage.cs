using System.Numerics;
using System.Globalization;
using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue.Tiers;

/// <summary>
/// A fitted value tiering (ABC, percentile or threshold tiers): frozen, strictly ordered value thresholds. A customer
/// gets the first tier whose threshold the value reaches, else the rest tier; with a valueless tier, zero or negative
/// values go there first; a missing value gets no tier. Immutable and thread-safe.
/// </summary>
internal sealed class FittedValueTierStage : IFittedCustomerStage
{
    public const string AbcKind = "abc-tiers";
    public const string PercentileKind = "percentile-tiers";
    public const string ThresholdKind = "threshold-tiers";

    private readonly string _valueColumn;
    private readonly string[] _outputs;
    private readonly string[] _categories;
    private readonly double[] _thresholds;
    private readonly bool _hasValueless;
    private readonly KeyValuePair<string, string>[] _options;

    // tiers: the upper tiers' names, highest first; thresholds: each one's smallest value, non-increasing (an equal
    // threshold leaves the later tier empty); options: what Describe shows besides the columns.
    public FittedValueTierStage(string kind, string name, string valueColumn, string outputColumn, string[] tiers, double[] thresholds, string restTier, string? valuelessTier, KeyValuePair<string, string>[] options)
    {
        Kind = kind;
        Name = name;
        _valueColumn = valueColumn;
        _outputs = [outputColumn];
        _thresholds = thresholds;
        _hasValueless = valuelessTier is not null;
        _categories = valuelessTier is null ? [.. tiers, restTier] : [.. tiers, restTier, valuelessTier];
        _options = options;
    }

    public string Name { get; }

    public string Kind { get; }

    public IReadOnlyList<string> ProducedColumns => _outputs;

    public IReadOnlyList<double> Thresholds => _thresholds;

    public static FittedStageLoader LoaderFor(string kind) => (name, state) => Load(kind, name, state);

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        var input = NumericInput.Read(population, _valueColumn, Name, "ValueColumn");
        var n = population.Count;
        if (_categories.Length <= CategoryColumn.MaxNarrowCategories)
        {
            var narrow = GC.AllocateUninitializedArray<byte>(n);
            Ranges.ForBlocks(n, (start, end) => Assign(input.Values[start..end], narrow.AsSpan(start, end - start), 1));
            return [new CategoryColumn(_outputs[0], _categories, narrow)];
        }

        var codes = GC.AllocateUninitializedArray<int>(n);
        Ranges.ForBlocks(n, (start, end) => Assign(input.Values[start..end], codes.AsSpan(start, end - start), 0));
        return [new CategoryColumn(_outputs[0], _categories, codes)];
    }

    public StageDescription Describe()
    {
        var parameters = new List<KeyValuePair<string, string>>();
        for (var k = 0; k < _thresholds.Length; k++)
        {
            parameters.Add(new(_categories[k], ">= " + _thresholds[k].ToString("R", CultureInfo.InvariantCulture)));
        }

        parameters.Add(new(_categories[_thresholds.Length], _hasValueless ? "> 0, below every threshold" : "below every threshold"));
        if (_hasValueless)
        {
            parameters.Add(new(_categories[^1], "<= 0"));
        }

        return new StageDescription(Name, Kind, [new("value column", _valueColumn), new("output column", _outputs[0]), .. _options], parameters);
    }

    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("valueColumn", _valueColumn);
        writer.WriteString("outputColumn", _outputs[0]);
        writer.WriteStartArray("tiers");
        for (var k = 0; k < _thresholds.Length; k++)
        {
            writer.WriteStartObject();
            writer.WriteString("name", _categories[k]);
            writer.WriteNumber("minValue", _thresholds[k]);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("restTier", _categories[_thresholds.Length]);
        writer.WriteString("valuelessTier", _hasValueless ? _categories[^1] : null);
        writer.WriteStartObject("options");
        foreach (var (key, value) in _options)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static FittedValueTierStage Load(string kind, string name, JsonElement state)
    {
        var tiers = state.GetProperty("tiers").EnumerateArray().ToArray();
        double[] thresholds = [.. tiers.Select(t => t.GetProperty("minValue").GetDouble())];
        for (var k = 1; k < thresholds.Length; k++)
        {
            // Scoring counts the thresholds above a value, which is the first tier reached only when they do not increase.
            if (!(thresholds[k] <= thresholds[k - 1]))
            {
                throw new FormatException(Guard.Invariant($"Stage '{name}': saved tier '{tiers[k].GetProperty("name").GetString()}' has minValue {thresholds[k]} above the previous tier's {thresholds[k - 1]}; the thresholds must not increase."));
            }
        }

        return new FittedValueTierStage(
            kind,
            name,
            state.GetProperty("valueColumn").GetString()!,
            state.GetProperty("outputColumn").GetString()!,
            [.. tiers.Select(t => t.GetProperty("name").GetString()!)],
            thresholds,
            state.GetProperty("restTier").GetString()!,
            state.GetProperty("valuelessTier").GetString(),
            [.. state.GetProperty("options").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!))]);
    }

    // Writes code + offset: narrow category codes are code + 1 in a byte, wide ones the code in an int.
    private void Assign<T>(ReadOnlySpan<double> values, Span<T> codes, int offset)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var thresholds = _thresholds;
        var valueless = _hasValueless ? thresholds.Length + 1 : -1;

        // Branch-free (see Branchless): the thresholds descend, so the tier is the number of thresholds above the value.
        unchecked
        {
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                // The same tests a vector of customers at a time: a comparison lane is -1 where it holds.
                var lanes = Vector<double>.Count;
                var (valuelessCode, missing, shift) = (new Vector<long>(valueless), new Vector<long>(-1 + offset), new Vector<long>(offset));
                var hasValueless = _hasValueless ? Vector<long>.AllBitsSet : Vector<long>.Zero;
                for (; i + lanes <= values.Length; i += lanes)
                {
                    var v = new Vector<double>(values[i..]);
                    var code = Vector<long>.Zero;
                    foreach (var threshold in thresholds)
                    {
                        code -= Vector.LessThan(v, new Vector<double>(threshold));
                    }

                    code = Vector.ConditionalSelect(hasValueless & Vector.LessThanOrEqual(v, Vector<double>.Zero), valuelessCode, code);
                    code = Vector.ConditionalSelect(Vector.Equals(v, v), code + shift, missing);
                    for (var j = 0; j < lanes; j++)
                    {
                        codes[i + j] = T.CreateTruncating(code[j]);
                    }
                }
            }

            for (; i < values.Length; i++)
            {
                var v = values[i];
                var code = 0;
                foreach (var threshold in thresholds)
                {
                    code += Branchless.Bit(v < threshold);
                }

                code += (valueless - code) * Branchless.Bit(_hasValueless & (v <= 0));
                codes[i] = T.CreateTruncating(code + ((-1 - code) * Branchless.Bit(double.IsNaN(v))) + offset);
            }
        }
    }

    /// <summary>Formats a number for descriptions and saved options.</summary>
    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
