using System.Numerics;
using System.Globalization;
using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue.LowValue;

/// <summary>The fitted low-value stage: the options and the frozen bottom-share value threshold. Immutable and thread-safe.</summary>
/// <remarks>
/// Decision order per customer: (1) value &lt;= 0: Valueless; (2) the low-value test holds: Potential when any potential
/// evidence holds (new, growing, stated potential, predicted value), else Low value; (3) tenure below NewCustomerDays:
/// New; (4) Valuable. A missing value (NaN) never makes a customer valueless nor fires the bottom-share criterion.
/// </remarks>
internal sealed class FittedLowValueStage : IFittedCustomerStage
{
    public const string StageKind = "low-value";

    internal const int Valuable = 0;
    internal const int LowValueStatus = 1;
    internal const int Valueless = 2;
    internal const int Potential = 3;
    internal const int New = 4;

    internal const ulong ZeroOrNegativeFlag = 1UL << 6;
    internal const ulong NewCustomerFlag = 1UL << 7;
    internal const ulong GrowingFlag = 1UL << 8;
    internal const ulong StatedPotentialFlag = 1UL << 9;
    internal const ulong PredictedValueFlag = 1UL << 10;

    internal static readonly string[] Outputs = [ColumnNames.LowValueCriteria, ColumnNames.ValueStatus, ColumnNames.StatusReasons];

    private readonly LowValueOptions _options;

    public FittedLowValueStage(LowValueOptions options, double valueThreshold)
    {
        _options = options;
        ValueThreshold = valueThreshold;
    }

    public string Name => _options.Name;

    public string Kind => StageKind;

    public IReadOnlyList<string> ProducedColumns => Outputs;

    /// <summary>Gets the frozen bottom-share threshold T (NaN when the criterion is off).</summary>
    public double ValueThreshold { get; }

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        var n = population.Count;
        var o = _options;
        var value = population.GetNumeric(o.ValueColumn);
        var tenure = population.GetNumeric(ColumnNames.TenureDays);
        var orders = o.MaxOrders is null ? null : population.GetNumeric(ColumnNames.Orders);
        var recency = o.InactiveDays is null ? null : population.GetNumeric(ColumnNames.RecencyDays);
        var interactions = o.MaxInteractions is null ? null : population.GetNumeric(ColumnNames.Interactions);
        var complaints = o.MinComplaints is null ? null : population.GetNumeric(ColumnNames.Complaints);
        var satisfaction = o.MaxSatisfaction is null ? null : population.GetNumeric(ColumnNames.Satisfaction);
        var window = Optional(population, ColumnNames.WindowSpend);
        var previous = Optional(population, ColumnNames.PreviousWindowSpend);
        var potential = o.PotentialThreshold is null ? null : Optional(population, o.PotentialColumn);
        var predicted = o.PredictedValueThreshold is null ? null : Optional(population, o.PredictedValueColumn);
        var growth = window is not null && previous is not null;

        var enabled = LowValuePipelineBuilderExtensions.EnabledCriteria(o);
        var needed = o.Combination switch
        {
            CriteriaCombination.All => enabled,
            CriteriaCombination.Any => 1,
            _ => o.MinimumCriteria,
        };
        var threshold = ValueThreshold;
        var maxOrders = o.MaxOrders ?? 0;
        var inactiveDays = o.InactiveDays ?? 0;
        var maxInteractions = o.MaxInteractions ?? 0;
        var minComplaints = o.MinComplaints ?? 0;
        var maxSatisfaction = o.MaxSatisfaction ?? 0;
        var potentialThreshold = o.PotentialThreshold ?? 0;
        var predictedThreshold = o.PredictedValueThreshold ?? 0;
        var newDays = (double)o.NewCustomerDays;

        var criteria = GC.AllocateUninitializedArray<byte>(n);
        var status = GC.AllocateUninitializedArray<byte>(n);
        var reasons = GC.AllocateUninitializedArray<ushort>(n);

        void ScoreRows(int start, int end)
        {
            var v = value.Values;
            var t = tenure.Values;
            var ord = orders is null ? default : orders.Values;
            var rec = recency is null ? default : recency.Values;
            var inter = interactions is null ? default : interactions.Values;
            var comp = complaints is null ? default : complaints.Values;
            var sat = satisfaction is null ? default : satisfaction.Values;
            var win = growth ? window!.Values : default;
            var prev = growth ? previous!.Values : default;
            var pot = potential is null ? default : potential.Values;
            var pred = predicted is null ? default : predicted.Values;
            var bottom = !double.IsNaN(threshold);

            // Branch-free (see Branchless): each test below is a coin flip on real data. Unchecked: the row index cannot overflow.
            unchecked
            {
                var i = start;
                if (Vector.IsHardwareAccelerated)
                {
                    i = ScoreVectors(new VectorLimits(threshold, maxOrders, inactiveDays, maxInteractions, minComplaints, maxSatisfaction, potentialThreshold, predictedThreshold, newDays, needed), start, end, v, t, ord, rec, inter, comp, sat, win, prev, pot, pred, criteria, status, reasons);
                }

                for (; i < end; i++)
                {
                    // NaN compares false, so a missing value never fires a criterion or counts as evidence.
                    var x = v[i];
                    var fired = (Branchless.Mask(bottom && x <= threshold) & (1UL << 0))
                        | (Branchless.Mask(!ord.IsEmpty && ord[i] <= maxOrders) & (1UL << 1))
                        | (Branchless.Mask(!rec.IsEmpty && rec[i] >= inactiveDays) & (1UL << 2))
                        | (Branchless.Mask(!inter.IsEmpty && inter[i] <= maxInteractions) & (1UL << 3))
                        | (Branchless.Mask(!comp.IsEmpty && comp[i] >= minComplaints) & (1UL << 4))
                        | (Branchless.Mask(!sat.IsEmpty && sat[i] <= maxSatisfaction) & (1UL << 5));
                    criteria[i] = (byte)fired;
                    var isNew = t[i] < newDays;
                    var evidence = (Branchless.Mask(isNew) & NewCustomerFlag)
                        | (Branchless.Mask(growth && win[i] > prev[i]) & GrowingFlag)
                        | (Branchless.Mask(!pot.IsEmpty && pot[i] > potentialThreshold) & StatedPotentialFlag)
                        | (Branchless.Mask(!pred.IsEmpty && pred[i] > predictedThreshold) & PredictedValueFlag);

                    // Valueless, else low value (Potential when there is evidence), else New, else Valuable.
                    var valueless = x <= 0;
                    var low = System.Numerics.BitOperations.PopCount(fired) >= needed;
                    var lowStatus = LowValueStatus + ((Potential - LowValueStatus) * Branchless.Bit(evidence != 0));
                    var otherStatus = New * Branchless.Bit(isNew);
                    var statusIfValued = otherStatus + ((lowStatus - otherStatus) * Branchless.Bit(low));
                    status[i] = (byte)(statusIfValued + ((Valueless - statusIfValued) * Branchless.Bit(valueless)) + 1);
                    var lowReasons = evidence | (fired & Branchless.Mask(evidence == 0));
                    var reasonsIfValued = (lowReasons & Branchless.Mask(low)) | (NewCustomerFlag & Branchless.Mask(isNew) & ~Branchless.Mask(low));
                    reasons[i] = (ushort)((ZeroOrNegativeFlag & Branchless.Mask(valueless)) | (reasonsIfValued & ~Branchless.Mask(valueless)));
                }
            }
        }

        Ranges.ForBlocks(n, ScoreRows);

        return
        [
            new FlagsColumn(ColumnNames.LowValueCriteria, LowValueReasonNames.Criteria, criteria),
            new CategoryColumn(ColumnNames.ValueStatus, ValueStatuses.All, status),
            new FlagsColumn(ColumnNames.StatusReasons, LowValueReasonNames.Status, reasons),
        ];
    }

    // The loop of ScoreRows on whole vectors of customers, the same tests lane by lane: a comparison lane is all ones
    // or zero, so masks select the flags and the statuses. Returns the first row it left to the scalar loop.
    private static int ScoreVectors(
        in VectorLimits k,
        int start,
        int end,
        ReadOnlySpan<double> v,
        ReadOnlySpan<double> t,
        ReadOnlySpan<double> ord,
        ReadOnlySpan<double> rec,
        ReadOnlySpan<double> inter,
        ReadOnlySpan<double> comp,
        ReadOnlySpan<double> sat,
        ReadOnlySpan<double> win,
        ReadOnlySpan<double> prev,
        ReadOnlySpan<double> pot,
        ReadOnlySpan<double> pred,
        Span<byte> criteria,
        Span<byte> status,
        Span<ushort> reasons)
    {
        var lanes = Vector<double>.Count;
        var i = start;
        for (; i + lanes <= end; i += lanes)
        {
            var x = new Vector<double>(v[i..]);
            var c0 = k.Bottom & Vector.LessThanOrEqual(x, k.Threshold);
            var c1 = AtMost(ord, i, k.MaxOrders);
            var c2 = AtLeast(rec, i, k.InactiveDays);
            var c3 = AtMost(inter, i, k.MaxInteractions);
            var c4 = AtLeast(comp, i, k.MinComplaints);
            var c5 = AtMost(sat, i, k.MaxSatisfaction);
            var fired = (c0 & Vector<long>.One) | (c1 & new Vector<long>(2)) | (c2 & new Vector<long>(4))
                | (c3 & new Vector<long>(8)) | (c4 & new Vector<long>(16)) | (c5 & new Vector<long>(32));
            var isNew = Vector.LessThan(new Vector<double>(t[i..]), k.NewDays);
            var growing = win.IsEmpty ? Vector<long>.Zero : Vector.GreaterThan(new Vector<double>(win[i..]), new Vector<double>(prev[i..]));
            var evidence = (isNew & new Vector<long>((long)NewCustomerFlag)) | (growing & new Vector<long>((long)GrowingFlag))
                | (Above(pot, i, k.Potential) & new Vector<long>((long)StatedPotentialFlag))
                | (Above(pred, i, k.Predicted) & new Vector<long>((long)PredictedValueFlag));

            var valueless = Vector.LessThanOrEqual(x, Vector<double>.Zero);
            var low = Vector.GreaterThanOrEqual(-(c0 + c1 + c2 + c3 + c4 + c5), k.Needed);
            var hasEvidence = ~Vector.Equals(evidence, Vector<long>.Zero);
            var lowStatus = Vector.ConditionalSelect(hasEvidence, new Vector<long>(Potential), new Vector<long>(LowValueStatus));
            var otherStatus = isNew & new Vector<long>(New);
            var code = Vector.ConditionalSelect(valueless, new Vector<long>(Valueless), Vector.ConditionalSelect(low, lowStatus, otherStatus)) + Vector<long>.One;
            var lowReasons = Vector.ConditionalSelect(hasEvidence, evidence, fired);
            var why = Vector.ConditionalSelect(
                valueless,
                new Vector<long>((long)ZeroOrNegativeFlag),
                Vector.ConditionalSelect(low, lowReasons, isNew & new Vector<long>((long)NewCustomerFlag)));
            for (var j = 0; j < lanes; j++)
            {
                criteria[i + j] = (byte)fired[j];
                status[i + j] = (byte)code[j];
                reasons[i + j] = (ushort)why[j];
            }
        }

        return i;

        // An absent criterion (empty column) never fires; NaN compares false, as in the scalar loop.
        static Vector<long> AtMost(ReadOnlySpan<double> column, int i, Vector<double> limit)
            => column.IsEmpty ? Vector<long>.Zero : Vector.LessThanOrEqual(new Vector<double>(column[i..]), limit);

        static Vector<long> AtLeast(ReadOnlySpan<double> column, int i, Vector<double> limit)
            => column.IsEmpty ? Vector<long>.Zero : Vector.GreaterThanOrEqual(new Vector<double>(column[i..]), limit);

        static Vector<long> Above(ReadOnlySpan<double> column, int i, Vector<double> limit)
            => column.IsEmpty ? Vector<long>.Zero : Vector.GreaterThan(new Vector<double>(column[i..]), limit);
    }

    public StageDescription Describe()
    {
        var o = _options;
        var options = new List<KeyValuePair<string, string>>
        {
            new("value column", o.ValueColumn),
            new("criteria", Guard.Invariant($"bottom value share {Text(o.BottomValueShare)}, max orders {Text(o.MaxOrders)}, inactive days {Text(o.InactiveDays)}, max interactions {Text(o.MaxInteractions)}, min complaints {Text(o.MinComplaints)}, max satisfaction {Text(o.MaxSatisfaction)}")),
            new("combination", o.Combination == CriteriaCombination.AtLeast ? Guard.Invariant($"AtLeast {o.MinimumCriteria}") : o.Combination.ToString()),
            new("new customer days", Text(o.NewCustomerDays)),
            new("potential", Guard.Invariant($"{o.PotentialColumn} > {Text(o.PotentialThreshold)}, {o.PredictedValueColumn} > {Text(o.PredictedValueThreshold)}")),
        };
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("bottom share value threshold", double.IsNaN(ValueThreshold) ? "off" : ValueThreshold.ToString("R", CultureInfo.InvariantCulture)),
        };
        return new StageDescription(Name, Kind, options, parameters);
    }

    public void WriteState(Utf8JsonWriter writer)
    {
        var o = _options;
        writer.WriteStartObject();
        writer.WriteString("valueColumn", o.ValueColumn);
        WriteNullable(writer, "bottomValueShare", o.BottomValueShare);
        WriteNullable(writer, "maxOrders", o.MaxOrders);
        WriteNullable(writer, "inactiveDays", o.InactiveDays);
        WriteNullable(writer, "maxInteractions", o.MaxInteractions);
        WriteNullable(writer, "minComplaints", o.MinComplaints);
        WriteNullable(writer, "maxSatisfaction", o.MaxSatisfaction);
        writer.WriteString("combination", o.Combination.ToString());
        writer.WriteNumber("minimumCriteria", o.MinimumCriteria);
        writer.WriteNumber("newCustomerDays", o.NewCustomerDays);
        writer.WriteString("potentialColumn", o.PotentialColumn);
        WriteNullable(writer, "potentialThreshold", o.PotentialThreshold);
        writer.WriteString("predictedValueColumn", o.PredictedValueColumn);
        WriteNullable(writer, "predictedValueThreshold", o.PredictedValueThreshold);
        WriteNullable(writer, "valueThreshold", double.IsNaN(ValueThreshold) ? null : ValueThreshold);
        writer.WriteEndObject();
    }

    public static IFittedCustomerStage Load(string name, JsonElement state)
    {
        var options = new LowValueOptions
        {
            Name = name,
            ValueColumn = state.GetProperty("valueColumn").GetString()!,
            BottomValueShare = NullableDouble(state, "bottomValueShare"),
            MaxOrders = NullableInt(state, "maxOrders"),
            InactiveDays = NullableInt(state, "inactiveDays"),
            MaxInteractions = NullableInt(state, "maxInteractions"),
            MinComplaints = NullableInt(state, "minComplaints"),
            MaxSatisfaction = NullableDouble(state, "maxSatisfaction"),
            Combination = Enum.Parse<CriteriaCombination>(state.GetProperty("combination").GetString()!),
            MinimumCriteria = state.GetProperty("minimumCriteria").GetInt32(),
            NewCustomerDays = state.GetProperty("newCustomerDays").GetInt32(),
            PotentialColumn = state.GetProperty("potentialColumn").GetString()!,
            PotentialThreshold = NullableDouble(state, "potentialThreshold"),
            PredictedValueColumn = state.GetProperty("predictedValueColumn").GetString()!,
            PredictedValueThreshold = NullableDouble(state, "predictedValueThreshold"),
        };
        return new FittedLowValueStage(options, NullableDouble(state, "valueThreshold") ?? double.NaN);
    }

    private static NumericColumn? Optional(CustomerFrame population, string column)
    {
        if (!population.TryGetColumn(column, out var found))
        {
            return null;
        }

        return found as NumericColumn
            ?? throw new ArgumentException(Guard.Invariant($"The column '{column}' is {found.Kind}; the low-value stage reads it as a number. Convert it, or point the option that names it at another column."), nameof(population));
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static double? NullableDouble(JsonElement state, string name)
    {
        var element = state.GetProperty(name);
        return element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
    }

    private static int? NullableInt(JsonElement state, string name)
    {
        var element = state.GetProperty(name);
        return element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();
    }

    private static string Text(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "off";

    /// <summary>The limits of the scoring loop broadcast to vectors.</summary>
    private readonly struct VectorLimits(double threshold, double maxOrders, double inactiveDays, double maxInteractions, double minComplaints, double maxSatisfaction, double potential, double predicted, double newDays, int needed)
    {
        public Vector<long> Bottom { get; } = double.IsNaN(threshold) ? Vector<long>.Zero : Vector<long>.AllBitsSet;

        public Vector<double> Threshold { get; } = new(threshold);

        public Vector<double> MaxOrders { get; } = new(maxOrders);

        public Vector<double> InactiveDays { get; } = new(inactiveDays);

        public Vector<double> MaxInteractions { get; } = new(maxInteractions);

        public Vector<double> MinComplaints { get; } = new(minComplaints);

        public Vector<double> MaxSatisfaction { get; } = new(maxSatisfaction);

        public Vector<double> Potential { get; } = new(potential);

        public Vector<double> Predicted { get; } = new(predicted);

        public Vector<double> NewDays { get; } = new(newDays);

        public Vector<long> Needed { get; } = new(needed);
    }
}
