using System.Numerics;
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
        var value = population.GetNumeric(_options.ValueColumn);
        var recency = population.GetNumeric(ColumnNames.RecencyDays);
        var tenure = population.GetNumeric(ColumnNames.TenureDays);
        var orders = population.GetNumeric(ColumnNames.Orders);
        var complaints = Optional(population, _options.ComplaintsColumn);
        var satisfaction = Optional(population, _options.SatisfactionColumn);
        var pAlive = Optional(population, _options.PAliveColumn);

        var priority = GC.AllocateUninitializedArray<double>(n);
        var quadrant = GC.AllocateUninitializedArray<byte>(n);
        var reasons = GC.AllocateUninitializedArray<byte>(n);
        var settings = new RowSettings(_options, MedianInterval);
        var table = Values;

        // A factor whose weight is zero is read as missing, which leaves it out exactly as a missing value does.
        var c = settings.ComplaintsWeight > 0 ? complaints : null;
        var s = settings.SatisfactionWeight > 0 ? satisfaction : null;
        var p = settings.PAliveWeight > 0 ? pAlive : null;

        // Each block checks that its values are finite while they are in cache; only when one is not is the column
        // searched for the first such customer, to name in the error.
        var notFinite = 0;
        Ranges.ForBlocks(n, (start, end) =>
        {
            var length = end - start;
            var finite = ScoreRange(
                settings,
                table,
                value.Values.Slice(start, length),
                recency.Values.Slice(start, length),
                tenure.Values.Slice(start, length),
                orders.Values.Slice(start, length),
                c is null ? default : c.Values.Slice(start, length),
                s is null ? default : s.Values.Slice(start, length),
                p is null ? default : p.Values.Slice(start, length),
                priority.AsSpan(start, length),
                quadrant.AsSpan(start, length),
                reasons.AsSpan(start, length));
            if (!finite)
            {
                Interlocked.Exchange(ref notFinite, 1);
            }
        });

        if (notFinite != 0)
        {
            RequireFinite(population, _options.ValueColumn);
        }

        // Importance and urgency are computed here for every customer but kept only as their sum, quadrant and reasons;
        // the columns themselves are recomputed row by row when read (the worklists of 1,000 managers read 50,000 rows),
        // which on a large portfolio costs less than writing 16 more bytes per customer to fresh memory.
        static double At(NumericColumn? column, int row) => column is null ? double.NaN : column[row];
        return
        [
            new NumericColumn(ColumnNames.Importance, n, row => table.Percentile(value[row])),
            new NumericColumn(ColumnNames.Urgency, n, row => UrgencyOf(settings, recency[row], tenure[row], orders[row], At(c, row), At(s, row), At(p, row), out _)),
            new NumericColumn(ColumnNames.Priority, priority, owned: true),
            new CategoryColumn(ColumnNames.Quadrant, PriorityQuadrants.All, quadrant),
            new FlagsColumn(ColumnNames.PriorityReasons, PriorityReasonNames.All, reasons),
        ];
    }

    // A static method over spans (not a closure over arrays), so the JIT keeps every input in registers. Compiled fully
    // optimised on its own: without this it tiered up late, inlined into the block loop, and ran at well under half the
    // speed (measured on 10M customers).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool ScoreRange(
        in RowSettings k,
        PercentileTable table,
        ReadOnlySpan<double> v,
        ReadOnlySpan<double> r,
        ReadOnlySpan<double> t,
        ReadOnlySpan<double> ord,
        ReadOnlySpan<double> c,
        ReadOnlySpan<double> s,
        ReadOnlySpan<double> p,
        Span<double> priority,
        Span<byte> quadrant,
        Span<byte> reasons)
    {
        // Importance first, over the whole block into a scratch buffer that stays in cache: the look-up is its own tight loop.
        var scratch = System.Buffers.ArrayPool<double>.Shared.Rent(v.Length);
        var importance = scratch.AsSpan(0, v.Length);
        table.Percentiles(v, importance);
        var finite = FiniteColumn.FirstNotFinite(v, 0) < 0;
        var (importanceThreshold, urgencyThreshold, wi, wu, highValue) = (k.ImportanceThreshold, k.UrgencyThreshold, k.ImportanceShare, k.UrgencyShare, k.HighValue);

        // Unchecked: the row index cannot overflow, and overflow checks on it cost more than the checks are worth here.
        unchecked
        {
            // Whole vectors first (UrgencyVector computes exactly what UrgencyOf does, lane by lane), then the rest.
            var i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var lanes = Vector<double>.Count;
                var constants = new VectorSettings(k);
                var missing = new Vector<double>(double.NaN);
                for (; i + lanes <= v.Length; i += lanes)
                {
                    var u = UrgencyVector(
                        constants,
                        new Vector<double>(r[i..]),
                        new Vector<double>(t[i..]),
                        new Vector<double>(ord[i..]),
                        c.IsEmpty ? missing : new Vector<double>(c[i..]),
                        s.IsEmpty ? missing : new Vector<double>(s[i..]),
                        p.IsEmpty ? missing : new Vector<double>(p[i..]),
                        out var flags);
                    var imp = new Vector<double>(importance[i..]);
                    var important = Vector.GreaterThanOrEqual(imp, constants.ImportanceThreshold);
                    var urgent = Vector.GreaterThanOrEqual(u, constants.UrgencyThreshold);
                    ((constants.ImportanceShare * imp) + (constants.UrgencyShare * u)).CopyTo(priority[i..]);

                    // A comparison lane is 0 or -1, so 4 + 2 x important + urgent is the quadrant (1 = act now .. 4 = low-touch).
                    var q = new Vector<long>(4) + (important * 2) + urgent;
                    var why = flags | (constants.HighValue & important);
                    for (var j = 0; j < lanes; j++)
                    {
                        quadrant[i + j] = (byte)q[j];
                        reasons[i + j] = (byte)why[j];
                    }
                }
            }

            for (; i < v.Length; i++)
            {
                var u = UrgencyOf(k, r[i], t[i], ord[i], c.IsEmpty ? double.NaN : c[i], s.IsEmpty ? double.NaN : s[i], p.IsEmpty ? double.NaN : p[i], out var flags);
                var imp = importance[i];
                var important = imp >= importanceThreshold;
                priority[i] = (wi * imp) + (wu * u);
                quadrant[i] = (byte)(4 - (2 * Branchless.Bit(important)) - Branchless.Bit(u >= urgencyThreshold));
                reasons[i] = (byte)(flags | (highValue & Branchless.Mask(important)));
            }
        }

        System.Buffers.ArrayPool<double>.Shared.Return(scratch);
        return finite;
    }

    // The urgency of one customer and the flags of the factors that drive it. Branch-free on purpose (see Branchless):
    // with real data every test here is a coin flip. A missing factor gets weight 0 (Present is 0 or 1); Unit maps NaN to 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double UrgencyOf(in RowSettings k, double recency, double tenure, double orders, double complaints, double satisfaction, double pAlive, out ulong flags)
    {
        var span = tenure - recency;
        var gaps = orders - 1;
        var rhythm = (gaps >= 1) & (span > 0);
        var interval = BitConverter.Int64BitsToDouble(rhythm ? BitConverter.DoubleToInt64Bits(span / gaps) : BitConverter.DoubleToInt64Bits(k.MedianInterval));
        var ratio = recency / interval;
        var threshold = k.ReasonThreshold;

        var fo = Unit((ratio - 1) * k.OverdueInverse);
        var wo = k.OverdueWeight * Present(ratio);
        var fc = Unit(complaints * k.ComplaintsInverse);
        var wc = k.ComplaintsWeight * Present(complaints);
        var fs = Unit((k.SatisfactionThreshold - satisfaction) * k.SatisfactionInverse);
        var ws = k.SatisfactionWeight * Present(satisfaction);
        var fp = Unit(1 - pAlive);
        var wp = k.PAliveWeight * Present(pAlive);

        flags = Flag(fo, threshold, wo, OverdueFlag) | Flag(fc, threshold, wc, ComplaintsFlag)
            | Flag(fs, threshold, ws, LowSatisfactionFlag) | Flag(fp, threshold, wp, FallingPAliveFlag);
        var weights = wo + wc + ws + wp;
        var sum = (wo * fo) + (wc * fc) + (ws * fs) + (wp * fp);
        return sum / Math.Max(weights, double.Epsilon);
    }

    // UrgencyOf for a vector of customers: the same operations in the same order, so every lane equals the scalar
    // result bit for bit (the urgency column recomputes single rows with UrgencyOf). Flags come back as lane masks.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector<double> UrgencyVector(
        in VectorSettings k,
        Vector<double> recency,
        Vector<double> tenure,
        Vector<double> orders,
        Vector<double> complaints,
        Vector<double> satisfaction,
        Vector<double> pAlive,
        out Vector<long> flags)
    {
        var span = tenure - recency;
        var gaps = orders - Vector<double>.One;
        var rhythm = Vector.GreaterThanOrEqual(gaps, Vector<double>.One) & Vector.GreaterThan(span, Vector<double>.Zero);
        var interval = Vector.ConditionalSelect(rhythm, span / gaps, k.MedianInterval);
        var ratio = recency / interval;

        var fo = Unit((ratio - Vector<double>.One) * k.OverdueInverse);
        var wo = k.OverdueWeight * Present(ratio);
        var fc = Unit(complaints * k.ComplaintsInverse);
        var wc = k.ComplaintsWeight * Present(complaints);
        var fs = Unit((k.SatisfactionThreshold - satisfaction) * k.SatisfactionInverse);
        var ws = k.SatisfactionWeight * Present(satisfaction);
        var fp = Unit(Vector<double>.One - pAlive);
        var wp = k.PAliveWeight * Present(pAlive);

        flags = Flag(fo, k.ReasonThreshold, wo, OverdueFlag) | Flag(fc, k.ReasonThreshold, wc, ComplaintsFlag)
            | Flag(fs, k.ReasonThreshold, ws, LowSatisfactionFlag) | Flag(fp, k.ReasonThreshold, wp, FallingPAliveFlag);
        var weights = wo + wc + ws + wp;
        var sum = (wo * fo) + (wc * fc) + (ws * fs) + (wp * fp);
        return sum / Vector.Max(weights, new Vector<double>(double.Epsilon));

        // Unit and Present as in the scalar path: NaN and anything not above 0 give 0; a present value weighs 1.
        static Vector<double> Unit(Vector<double> value)
            => Vector.ConditionalSelect(Vector.GreaterThan(value, Vector<double>.Zero), Vector.Min(value, Vector<double>.One), Vector<double>.Zero);

        static Vector<double> Present(Vector<double> value)
            => Vector.ConditionalSelect(Vector.Equals(value, value), Vector<double>.One, Vector<double>.Zero);

        static Vector<long> Flag(Vector<double> factor, Vector<double> threshold, Vector<double> weight, ulong flag)
            => new Vector<long>((long)flag) & Vector.GreaterThan(factor, Vector<double>.Zero) & Vector.GreaterThanOrEqual(factor, threshold) & Vector.GreaterThan(weight, Vector<double>.Zero);
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

    // Clamps to 0..1; NaN becomes 0 (its weight is 0 anyway). MaxNumber returns the number when the other operand is NaN
    // on every platform (MaxNative leaves that to the platform: x64 returns the second operand, Arm64 the NaN).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Unit(double value) => double.MinNative(double.MaxNumber(value, 0), 1);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static double Present(double value) => Branchless.Bit(!double.IsNaN(value));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong Flag(double factor, double threshold, double weight, ulong flag)
        => flag & Branchless.Mask((factor > 0) & (factor >= threshold) & (weight > 0));

    /// <summary>The settings of the scoring loop broadcast to vectors.</summary>
    private readonly struct VectorSettings(in RowSettings k)
    {
        public Vector<double> MedianInterval { get; } = new(k.MedianInterval);

        public Vector<double> OverdueWeight { get; } = new(k.OverdueWeight);

        public Vector<double> OverdueInverse { get; } = new(k.OverdueInverse);

        public Vector<double> ComplaintsWeight { get; } = new(k.ComplaintsWeight);

        public Vector<double> ComplaintsInverse { get; } = new(k.ComplaintsInverse);

        public Vector<double> SatisfactionWeight { get; } = new(k.SatisfactionWeight);

        public Vector<double> SatisfactionThreshold { get; } = new(k.SatisfactionThreshold);

        public Vector<double> SatisfactionInverse { get; } = new(k.SatisfactionInverse);

        public Vector<double> PAliveWeight { get; } = new(k.PAliveWeight);

        public Vector<double> ImportanceThreshold { get; } = new(k.ImportanceThreshold);

        public Vector<double> UrgencyThreshold { get; } = new(k.UrgencyThreshold);

        public Vector<double> ReasonThreshold { get; } = new(k.ReasonThreshold);

        public Vector<double> ImportanceShare { get; } = new(k.ImportanceShare);

        public Vector<double> UrgencyShare { get; } = new(k.UrgencyShare);

        public Vector<long> HighValue { get; } = new(unchecked((long)k.HighValue));
    }

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
