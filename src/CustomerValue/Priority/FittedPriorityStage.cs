using System.Globalization;
using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue.Priority;

/// <summary>The fitted priority stage: the frozen value distribution and the population's median purchase interval. Immutable and thread-safe.</summary>
internal sealed class FittedPriorityStage : IFittedCustomerStage
{
    public const string StageKind = "priority";

    internal const ulong HighValueFlag = 1UL << 0;
    internal const ulong OverdueFlag = 1UL << 1;
    internal const ulong ComplaintsFlag = 1UL << 2;
    internal const ulong LowSatisfactionFlag = 1UL << 3;
    internal const ulong FallingPAliveFlag = 1UL << 4;

    internal static readonly string[] Outputs =
    [
        ColumnNames.Importance, ColumnNames.Urgency, ColumnNames.Priority, ColumnNames.Quadrant, ColumnNames.PriorityReasons,
    ];

    private readonly PriorityOptions _options;

    public FittedPriorityStage(PriorityOptions options, PercentileTable values, double medianInterval)
    {
        _options = options;
        Values = values;
        MedianInterval = medianInterval;
    }

    public string Name => _options.Name;

    public string Kind => StageKind;

    public IReadOnlyList<string> ProducedColumns => Outputs;

    public PercentileTable Values { get; }

    /// <summary>Gets the median inter-purchase interval of the fitted customers with a rhythm (NaN when none had one), used for one-time buyers.</summary>
    public double MedianInterval { get; }

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        var n = population.Count;
        var value = RequireFinite(population, _options.ValueColumn);
        var recency = population.GetNumeric(ColumnNames.RecencyDays);
        var tenure = population.GetNumeric(ColumnNames.TenureDays);
        var orders = population.GetNumeric(ColumnNames.Orders);
        var complaints = Optional(population, _options.ComplaintsColumn);
        var satisfaction = Optional(population, _options.SatisfactionColumn);
        var pAlive = Optional(population, _options.PAliveColumn);

        var importance = GC.AllocateUninitializedArray<double>(n);
        var urgency = GC.AllocateUninitializedArray<double>(n);
        var priority = GC.AllocateUninitializedArray<double>(n);
        var quadrant = GC.AllocateUninitializedArray<byte>(n);
        var reasons = GC.AllocateUninitializedArray<byte>(n);
        var settings = new RowSettings(_options, MedianInterval);
        var table = Values;

        void ScoreRows(int start, int end)
        {
            var length = end - start;
            ScoreRange(
                settings,
                table,
                value.Values.Slice(start, length),
                recency.Values.Slice(start, length),
                tenure.Values.Slice(start, length),
                orders.Values.Slice(start, length),
                complaints is null || !(settings.ComplaintsWeight > 0) ? default : complaints.Values.Slice(start, length),
                satisfaction is null || !(settings.SatisfactionWeight > 0) ? default : satisfaction.Values.Slice(start, length),
                pAlive is null || !(settings.PAliveWeight > 0) ? default : pAlive.Values.Slice(start, length),
                importance.AsSpan(start, length),
                urgency.AsSpan(start, length),
                priority.AsSpan(start, length),
                quadrant.AsSpan(start, length),
                reasons.AsSpan(start, length));
        }

        Ranges.ForBlocks(n, ScoreRows);

        return
        [
            new NumericColumn(ColumnNames.Importance, importance, owned: true),
            new NumericColumn(ColumnNames.Urgency, urgency, owned: true),
            new NumericColumn(ColumnNames.Priority, priority, owned: true),
            new CategoryColumn(ColumnNames.Quadrant, PriorityQuadrants.All, quadrant),
            new FlagsColumn(ColumnNames.PriorityReasons, PriorityReasonNames.All, reasons),
        ];
    }

    // A static method over spans (not a closure over arrays), so the JIT keeps every input in registers; compiled fully
    // optimised at once, since it runs twice per scoring and would otherwise spend its millions of rows in tier-0 or
    // on-stack-replacement code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ScoreRange(
        in RowSettings k,
        PercentileTable table,
        ReadOnlySpan<double> v,
        ReadOnlySpan<double> r,
        ReadOnlySpan<double> t,
        ReadOnlySpan<double> ord,
        ReadOnlySpan<double> c,
        ReadOnlySpan<double> s,
        ReadOnlySpan<double> p,
        Span<double> importance,
        Span<double> urgency,
        Span<double> priority,
        Span<byte> quadrant,
        Span<byte> reasons)
    {
        // Importance first, over the whole block (it stays in cache for the loop below): the look-up is its own tight loop.
        table.Percentiles(v, importance);
        var medianBits = BitConverter.DoubleToInt64Bits(k.MedianInterval);
        var (overdueWeight, overdueInverse, reasonThreshold) = (k.OverdueWeight, k.OverdueInverse, k.ReasonThreshold);
        var (importanceThreshold, urgencyThreshold, wi, wu, highValue) = (k.ImportanceThreshold, k.UrgencyThreshold, k.ImportanceShare, k.UrgencyShare, k.HighValue);

        // Unchecked: the row index cannot overflow, and overflow checks on it cost more than the checks are worth here.
        unchecked
        {
            for (var i = 0; i < v.Length; i++)
            {
                // Branch-free on purpose: with real data every test below is a coin flip, and mispredictions cost more
                // than the arithmetic. A missing factor gets weight 0 (Present is 0 or 1); Unit maps NaN to 0.
                var rr = r[i];
                var span = t[i] - rr;
                var gaps = ord[i] - 1;
                var rhythm = (gaps >= 1) & (span > 0);
                var interval = BitConverter.Int64BitsToDouble(rhythm ? BitConverter.DoubleToInt64Bits(span / gaps) : medianBits);
                var ratio = rr / interval;
                var fo = Unit((ratio - 1) * overdueInverse);
                var wo = overdueWeight * Present(ratio);
                var weights = wo;
                var sum = wo * fo;
                var flags = Flag(fo, reasonThreshold, wo, OverdueFlag);
                if (!c.IsEmpty)
                {
                    var x = c[i];
                    var f = Unit(x * k.ComplaintsInverse);
                    var w = k.ComplaintsWeight * Present(x);
                    weights += w;
                    sum += w * f;
                    flags |= Flag(f, reasonThreshold, w, ComplaintsFlag);
                }

                if (!s.IsEmpty)
                {
                    var x = s[i];
                    var f = Unit((k.SatisfactionThreshold - x) * k.SatisfactionInverse);
                    var w = k.SatisfactionWeight * Present(x);
                    weights += w;
                    sum += w * f;
                    flags |= Flag(f, reasonThreshold, w, LowSatisfactionFlag);
                }

                if (!p.IsEmpty)
                {
                    var x = p[i];
                    var f = Unit(1 - x);
                    var w = k.PAliveWeight * Present(x);
                    weights += w;
                    sum += w * f;
                    flags |= Flag(f, reasonThreshold, w, FallingPAliveFlag);
                }

                var u = sum / Math.Max(weights, double.Epsilon);
                var imp = importance[i];
                var important = imp >= importanceThreshold;
                urgency[i] = u;
                priority[i] = (wi * imp) + (wu * u);
                quadrant[i] = (byte)(4 - (2 * Branchless.Bit(important)) - Branchless.Bit(u >= urgencyThreshold));
                reasons[i] = (byte)(flags | (highValue & Branchless.Mask(important)));
            }
        }
    }

    public StageDescription Describe()
    {
        var o = _options;
        var options = new List<KeyValuePair<string, string>>
        {
            new("value column", o.ValueColumn),
            new("optional columns", Guard.Invariant($"complaints {o.ComplaintsColumn}, satisfaction {o.SatisfactionColumn}, P(alive) {o.PAliveColumn}")),
            new("priority weights", Guard.Invariant($"importance {o.ImportanceWeight}, urgency {o.UrgencyWeight}")),
            new("urgency weights", Guard.Invariant($"overdue {o.OverdueWeight}, complaints {o.ComplaintsWeight}, satisfaction {o.SatisfactionWeight}, P(alive) {o.PAliveWeight}")),
            new("saturation", Guard.Invariant($"overdue ratio {o.OverdueSaturation}, complaints {o.ComplaintSaturation}, satisfaction {o.SatisfactionThreshold} down to {o.SatisfactionFloor}")),
            new("thresholds", Guard.Invariant($"importance {o.ImportanceThreshold}, urgency {o.UrgencyThreshold}, reason {o.ReasonThreshold}")),
        };
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("fitted customers", Values.Count.ToString(CultureInfo.InvariantCulture)),
            new("value knots", Values.Values.Count.ToString(CultureInfo.InvariantCulture)),
            new("value range", Guard.Invariant($"{Values.Values[0]} .. {Values.Values[^1]}")),
            new("median interval days", double.IsNaN(MedianInterval) ? "none (no repeat buyer)" : MedianInterval.ToString("R", CultureInfo.InvariantCulture)),
        };
        return new StageDescription(Name, Kind, options, parameters);
    }

    public void WriteState(Utf8JsonWriter writer)
    {
        var o = _options;
        writer.WriteStartObject();
        writer.WriteString("valueColumn", o.ValueColumn);
        writer.WriteString("complaintsColumn", o.ComplaintsColumn);
        writer.WriteString("satisfactionColumn", o.SatisfactionColumn);
        writer.WriteString("pAliveColumn", o.PAliveColumn);
        writer.WriteNumber("importanceWeight", o.ImportanceWeight);
        writer.WriteNumber("urgencyWeight", o.UrgencyWeight);
        writer.WriteNumber("overdueWeight", o.OverdueWeight);
        writer.WriteNumber("complaintsWeight", o.ComplaintsWeight);
        writer.WriteNumber("satisfactionWeight", o.SatisfactionWeight);
        writer.WriteNumber("pAliveWeight", o.PAliveWeight);
        writer.WriteNumber("overdueSaturation", o.OverdueSaturation);
        writer.WriteNumber("complaintSaturation", o.ComplaintSaturation);
        writer.WriteNumber("satisfactionThreshold", o.SatisfactionThreshold);
        writer.WriteNumber("satisfactionFloor", o.SatisfactionFloor);
        writer.WriteNumber("importanceThreshold", o.ImportanceThreshold);
        writer.WriteNumber("urgencyThreshold", o.UrgencyThreshold);
        writer.WriteNumber("reasonThreshold", o.ReasonThreshold);

        // JSON has no NaN: a missing median is written as null.
        if (double.IsNaN(MedianInterval))
        {
            writer.WriteNull("medianInterval");
        }
        else
        {
            writer.WriteNumber("medianInterval", MedianInterval);
        }

        writer.WriteNumber("count", Values.Count);
        JsonState.WriteNumbers(writer, "values", Values.Values);
        JsonState.WriteNumbers(writer, "below", Values.Below);
        JsonState.WriteNumbers(writer, "ties", Values.Ties);
        writer.WriteEndObject();
    }

    public static IFittedCustomerStage Load(string name, JsonElement state)
    {
        var options = new PriorityOptions
        {
            Name = name,
            ValueColumn = state.GetProperty("valueColumn").GetString()!,
            ComplaintsColumn = state.GetProperty("complaintsColumn").GetString()!,
            SatisfactionColumn = state.GetProperty("satisfactionColumn").GetString()!,
            PAliveColumn = state.GetProperty("pAliveColumn").GetString()!,
            ImportanceWeight = state.GetProperty("importanceWeight").GetDouble(),
            UrgencyWeight = state.GetProperty("urgencyWeight").GetDouble(),
            OverdueWeight = state.GetProperty("overdueWeight").GetDouble(),
            ComplaintsWeight = state.GetProperty("complaintsWeight").GetDouble(),
            SatisfactionWeight = state.GetProperty("satisfactionWeight").GetDouble(),
            PAliveWeight = state.GetProperty("pAliveWeight").GetDouble(),
            OverdueSaturation = state.GetProperty("overdueSaturation").GetDouble(),
            ComplaintSaturation = state.GetProperty("complaintSaturation").GetDouble(),
            SatisfactionThreshold = state.GetProperty("satisfactionThreshold").GetDouble(),
            SatisfactionFloor = state.GetProperty("satisfactionFloor").GetDouble(),
            ImportanceThreshold = state.GetProperty("importanceThreshold").GetDouble(),
            UrgencyThreshold = state.GetProperty("urgencyThreshold").GetDouble(),
            ReasonThreshold = state.GetProperty("reasonThreshold").GetDouble(),
        };
        var median = state.GetProperty("medianInterval");
        var table = new PercentileTable(
            [.. state.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())],
            [.. state.GetProperty("below").EnumerateArray().Select(v => v.GetInt64())],
            [.. state.GetProperty("ties").EnumerateArray().Select(v => v.GetInt64())],
            state.GetProperty("count").GetInt64());
        if (table.Values.Count == 0 || table.Below.Count != table.Values.Count || table.Ties.Count != table.Values.Count)
        {
            throw new FormatException(Guard.Invariant($"Stage '{name}': the saved value distribution needs equally long, non-empty values, below and ties arrays."));
        }

        return new FittedPriorityStage(options, table, median.ValueKind == JsonValueKind.Null ? double.NaN : median.GetDouble());
    }

    /// <summary>Reads a value column, failing on a customer whose value is not a finite number.</summary>
    internal static NumericColumn RequireFinite(CustomerFrame population, string column)
        => FiniteColumn.Require(population, column, "importance needs a finite value. Fill or drop such customers, or set PriorityOptions.ValueColumn to another column.");

    /// <summary>Returns an optional attribute column when the population has it; it must then be numeric.</summary>
    internal static NumericColumn? Optional(CustomerFrame population, string column)
    {
        if (!population.TryGetColumn(column, out var found))
        {
            return null;
        }

        return found as NumericColumn
            ?? throw new ArgumentException(Guard.Invariant($"The column '{column}' is {found.Kind}; the priority stage reads it as a number. Convert it, or point the option that names it at another column."), nameof(population));
    }

    // Clamps to 0..1; NaN becomes 0 (its weight is 0 anyway). MaxNative/MinNative compile to single instructions.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Unit(double value) => double.MinNative(double.MaxNative(value, 0), 1);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Present(double value) => Branchless.Bit(!double.IsNaN(value));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong Flag(double factor, double threshold, double weight, ulong flag)
        => flag & Branchless.Mask((factor > 0) & (factor >= threshold) & (weight > 0));

    /// <summary>The scalar settings of the scoring loop, precomputed once (weights normalised, reciprocals of the saturation spans).</summary>
    private readonly struct RowSettings(PriorityOptions o, double medianInterval)
    {
        public double MedianInterval { get; } = medianInterval;

        public double OverdueWeight { get; } = o.OverdueWeight;

        public double OverdueInverse { get; } = 1 / (o.OverdueSaturation - 1);

        public double ComplaintsWeight { get; } = o.ComplaintsWeight;

        public double ComplaintsInverse { get; } = 1 / o.ComplaintSaturation;

        public double SatisfactionWeight { get; } = o.SatisfactionWeight;

        public double SatisfactionThreshold { get; } = o.SatisfactionThreshold;

        public double SatisfactionInverse { get; } = 1 / (o.SatisfactionThreshold - o.SatisfactionFloor);

        public double PAliveWeight { get; } = o.PAliveWeight;

        public double ImportanceThreshold { get; } = o.ImportanceThreshold;

        public double UrgencyThreshold { get; } = o.UrgencyThreshold;

        public double ReasonThreshold { get; } = o.ReasonThreshold;

        public double ImportanceShare { get; } = o.ImportanceWeight / (o.ImportanceWeight + o.UrgencyWeight);

        public double UrgencyShare { get; } = o.UrgencyWeight / (o.ImportanceWeight + o.UrgencyWeight);

        public ulong HighValue { get; } = o.ImportanceWeight > 0 ? HighValueFlag : 0;
    }
}
