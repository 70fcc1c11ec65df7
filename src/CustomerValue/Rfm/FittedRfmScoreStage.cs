using System.Globalization;
using System.Numerics;
using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue.Rfm;

/// <summary>The fitted RFM stage: frozen cut points per dimension. Immutable and thread-safe.</summary>
internal sealed class FittedRfmScoreStage : IFittedCustomerStage
{
    public const string StageKind = "rfm-scores";

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
        // Only cuts that split ties by id (NTILE) read the ids, so other fits leave ids a streaming import kept as bytes undecoded.
        var ids = _cuts.Any(c => c.HasThresholdIds) ? population.IdArray : [];
        string[] columns = [_options.RecencyColumn, _options.FrequencyColumn, _options.MonetaryColumn];
        var scores = new byte[3][];

        // Every slot is written below, so the output columns skip the zeroing of a fresh array.
        var fm = GC.AllocateUninitializedArray<byte>(n);
        for (var d = 0; d < 3; d++)
        {
            scores[d] = GC.AllocateUninitializedArray<byte>(n);
        }

        // Each chunk scores its own rows, so the work splits across cores without sharing writes.
        Ranges.ForRanges(n, (start, end) =>
        {
            for (var d = 0; d < 3; d++)
            {
                var values = population.GetNumeric(columns[d]).Values[start..end];
                var bad = RfmBinning.Score(values, ids.Length == 0 ? [] : ids.AsSpan(start, end - start), _cuts[d], scores[d].AsSpan(start, end - start));
                if (bad >= 0)
                {
                    throw FiniteColumn.NotFinite(population, columns[d], start + bad, FiniteRemedy);
                }
            }

            FmScores(scores[1].AsSpan(start, end - start), scores[2].AsSpan(start, end - start), fm.AsSpan(start, end - start));
        });

        var bins = _options.Bins;
        var (codeTable, weightedTable) = CellTables();
        return
        [
            new ScoreColumn(ColumnNames.RecencyScore, bins, scores[0]),
            new ScoreColumn(ColumnNames.FrequencyScore, bins, scores[1]),
            new ScoreColumn(ColumnNames.MonetaryScore, bins, scores[2]),
            new ScoreColumn(ColumnNames.FmScore, bins, fm),
            new NumericColumn(ColumnNames.RfmCode, n, () => FromCells(codeTable, scores)),
            new NumericColumn(ColumnNames.RfmScore, n, () => FromCells(weightedTable, scores)),
        ];
    }

    // FM = round-half-up((F + M) / 2); scores are at most 9, so the byte sums cannot overflow.
    private static void FmScores(ReadOnlySpan<byte> f, ReadOnlySpan<byte> m, Span<byte> fm)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<byte>.One;
            for (; i <= f.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.ShiftRightLogical(new Vector<byte>(f[i..]) + new Vector<byte>(m[i..]) + one, 1).CopyTo(fm[i..]);
            }
        }

        for (; i < f.Length; i++)
        {
            fm[i] = (byte)((f[i] + m[i] + 1) >> 1);
        }
    }

    // The code and the weighted score depend only on the (R, F, M) cell: look them up rather than compute them.
    private static double[] FromCells(double[] table, byte[][] scores)
    {
        var (r, f, m) = (scores[0], scores[1], scores[2]);
        var result = GC.AllocateUninitializedArray<double>(r.Length);
        Ranges.ForBlocks(r.Length, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                result[i] = table[(r[i] << 8) | (f[i] << 4) | m[i]];
            }
        });
        return result;
    }

    // Indexed by (R << 8) | (F << 4) | M, scores 1..9.
    private (double[] Code, double[] Weighted) CellTables()
    {
        var weightSum = _options.RecencyWeight + _options.FrequencyWeight + _options.MonetaryWeight;
        var (wr, wf, wm) = (_options.RecencyWeight / weightSum, _options.FrequencyWeight / weightSum, _options.MonetaryWeight / weightSum);
        var code = new double[((9 << 8) | (9 << 4) | 9) + 1];
        var weighted = new double[code.Length];
        for (var r = 1; r <= 9; r++)
        {
            for (var f = 1; f <= 9; f++)
            {
                for (var m = 1; m <= 9; m++)
                {
                    var cell = (r << 8) | (f << 4) | m;
                    code[cell] = (100 * r) + (10 * f) + m;
                    weighted[cell] = (wr * r) + (wf * f) + (wm * m);
                }
            }
        }

        return (code, weighted);
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
