using System.Globalization;
using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue.Rfm;

/// <summary>The fitted RFM stage: frozen cut points per dimension. Immutable and thread-safe.</summary>
internal sealed class FittedRfmScoreStage : IFittedCustomerStage
{
    public const string StageKind = "rfm-scores";
    internal const int ParallelThreshold = 200_000;

    internal static readonly string[] Outputs =
    [
        ColumnNames.RecencyScore, ColumnNames.FrequencyScore, ColumnNames.MonetaryScore,
        ColumnNames.FmScore, ColumnNames.RfmCode, ColumnNames.RfmScore,
    ];

    private readonly RfmScoreOptions _options;
    private readonly RfmDimensionCuts[] _cuts;

    public FittedRfmScoreStage(RfmScoreOptions options, RfmDimensionCuts recency, RfmDimensionCuts frequency, RfmDimensionCuts monetary)
    {
        _options = options;
        _cuts = [recency, frequency, monetary];
    }

    public string Name => _options.Name;

    public string Kind => StageKind;

    public IReadOnlyList<string> ProducedColumns => Outputs;

    public RfmDimensionCuts Recency => _cuts[0];

    public RfmDimensionCuts Frequency => _cuts[1];

    public RfmDimensionCuts Monetary => _cuts[2];

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        var n = population.Count;
        var ids = population.IdArray;
        string[] columns = [_options.RecencyColumn, _options.FrequencyColumn, _options.MonetaryColumn];
        var scores = new byte[3][];
        var fm = new byte[n];
        var code = new double[n];
        var weighted = new double[n];
        var weightSum = _options.RecencyWeight + _options.FrequencyWeight + _options.MonetaryWeight;
        var (wr, wf, wm) = (_options.RecencyWeight / weightSum, _options.FrequencyWeight / weightSum, _options.MonetaryWeight / weightSum);

        // Each chunk scores its own rows, so the work splits across cores without sharing writes.
        void ScoreRows(int start, int end)
        {
            for (var d = 0; d < 3; d++)
            {
                var values = population.GetNumeric(columns[d]).Values[start..end];
                var bad = RfmBinning.Score(values, ids.AsSpan(start, end - start), _cuts[d], scores[d].AsSpan(start, end - start));
                if (bad >= 0)
                {
                    throw FiniteColumn.NotFinite(population, columns[d], start + bad, FiniteRemedy);
                }
            }

            var r = scores[0];
            var f = scores[1];
            var m = scores[2];
            for (var i = start; i < end; i++)
            {
                fm[i] = (byte)((f[i] + m[i] + 1) >> 1);
                code[i] = (100 * r[i]) + (10 * f[i]) + m[i];
                weighted[i] = (wr * r[i]) + (wf * f[i]) + (wm * m[i]);
            }
        }

        for (var d = 0; d < 3; d++)
        {
            scores[d] = new byte[n];
        }

        if (n >= ParallelThreshold)
        {
            var half = n / 2;
            Parallel.Invoke(() => ScoreRows(0, half), () => ScoreRows(half, n));
        }
        else
        {
            ScoreRows(0, n);
        }

        var bins = _options.Bins;
        return
        [
            new ScoreColumn(ColumnNames.RecencyScore, bins, scores[0]),
            new ScoreColumn(ColumnNames.FrequencyScore, bins, scores[1]),
            new ScoreColumn(ColumnNames.MonetaryScore, bins, scores[2]),
            new ScoreColumn(ColumnNames.FmScore, bins, fm),
            new NumericColumn(ColumnNames.RfmCode, code, owned: true),
            new NumericColumn(ColumnNames.RfmScore, weighted, owned: true),
        ];
    }

    public StageDescription Describe()
    {
        var options = new List<KeyValuePair<string, string>>
        {
            new("bins", Text(_options.Bins)),
            new("method", _options.Method.ToString()),
            new("weights", Guard.Invariant($"R {_options.RecencyWeight}, F {_options.FrequencyWeight}, M {_options.MonetaryWeight}")),
            new("columns", Guard.Invariant($"{_options.RecencyColumn}, {_options.FrequencyColumn}, {_options.MonetaryColumn}")),
        };
        var parameters = new List<KeyValuePair<string, string>>();
        string[] names = ["recency", "frequency", "monetary"];
        for (var d = 0; d < 3; d++)
        {
            var cuts = _cuts[d];
            parameters.Add(new(names[d] + ".thresholds", "[" + string.Join(", ", cuts.Thresholds.Select(t => t.ToString("R", CultureInfo.InvariantCulture))) + "]"));
            parameters.Add(new(names[d] + ".scores", "[" + string.Join(", ", cuts.GroupScores) + "]"));
            parameters.Add(new(names[d] + ".collapsed", cuts.Collapsed ? Guard.Invariant($"yes ({cuts.DistinctValues} distinct values for {cuts.Bins} bins)") : "no"));
        }

        return new StageDescription(Name, Kind, options, parameters);
    }

    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("bins", _options.Bins);
        writer.WriteString("method", _options.Method.ToString());
        writer.WriteNumber("recencyWeight", _options.RecencyWeight);
        writer.WriteNumber("frequencyWeight", _options.FrequencyWeight);
        writer.WriteNumber("monetaryWeight", _options.MonetaryWeight);
        writer.WriteString("recencyColumn", _options.RecencyColumn);
        writer.WriteString("frequencyColumn", _options.FrequencyColumn);
        writer.WriteString("monetaryColumn", _options.MonetaryColumn);
        string[] names = ["recency", "frequency", "monetary"];
        for (var d = 0; d < 3; d++)
        {
            var cuts = _cuts[d];
            writer.WriteStartObject(names[d]);
            writer.WriteString("method", cuts.Method.ToString());
            writer.WriteBoolean("higherIsBetter", cuts.HigherIsBetter);
            writer.WriteBoolean("collapsed", cuts.Collapsed);
            writer.WriteNumber("distinctValues", cuts.DistinctValues);
            JsonState.WriteNumbers(writer, "thresholds", cuts.Thresholds);
            JsonState.WriteStrings(writer, "thresholdIds", cuts.ThresholdIds);
            JsonState.WriteNumbers(writer, "scores", cuts.GroupScores.Select(s => (long)s));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static IFittedCustomerStage Load(string name, JsonElement state)
    {
        var options = new RfmScoreOptions
        {
            Name = name,
            Bins = state.GetProperty("bins").GetInt32(),
            Method = Enum.Parse<BinningMethod>(state.GetProperty("method").GetString()!),
            RecencyWeight = state.GetProperty("recencyWeight").GetDouble(),
            FrequencyWeight = state.GetProperty("frequencyWeight").GetDouble(),
            MonetaryWeight = state.GetProperty("monetaryWeight").GetDouble(),
            RecencyColumn = state.GetProperty("recencyColumn").GetString()!,
            FrequencyColumn = state.GetProperty("frequencyColumn").GetString()!,
            MonetaryColumn = state.GetProperty("monetaryColumn").GetString()!,
        };
        return new FittedRfmScoreStage(options, LoadCuts(state.GetProperty("recency"), options.Bins), LoadCuts(state.GetProperty("frequency"), options.Bins), LoadCuts(state.GetProperty("monetary"), options.Bins));
    }

    internal const string FiniteRemedy = "RFM scores need a finite number. Fill or drop such customers before scoring.";

    private static RfmDimensionCuts LoadCuts(JsonElement element, int bins)
        => new(
            [.. element.GetProperty("thresholds").EnumerateArray().Select(t => t.GetDouble())],
            [.. element.GetProperty("thresholdIds").EnumerateArray().Select(t => t.GetString())],
            [.. element.GetProperty("scores").EnumerateArray().Select(t => (byte)t.GetInt32())],
            bins,
            Enum.Parse<BinningMethod>(element.GetProperty("method").GetString()!),
            element.GetProperty("higherIsBetter").GetBoolean(),
            element.GetProperty("collapsed").GetBoolean(),
            element.GetProperty("distinctValues").GetInt32());

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
