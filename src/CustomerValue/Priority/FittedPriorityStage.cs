using System.Globalization;
using System.Text.Json;
using CustomerValue.Internal;

namespace CustomerValue.Priority;

/// <summary>The fitted priority stage: the frozen value distribution and the population's median purchase interval. Immutable and thread-safe.</summary>
internal sealed class FittedPriorityStage : IFittedCustomerStage
{
    public const string StageKind = "priority";
    internal const int ParallelThreshold = 200_000;

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

        var importance = new double[n];
        var urgency = new double[n];
        var priority = new double[n];
        var quadrant = new int[n];
        var reasons = new ulong[n];
        var o = _options;
        var combined = o.ImportanceWeight + o.UrgencyWeight;
        var (wi, wu) = (o.ImportanceWeight / combined, o.UrgencyWeight / combined);
        var median = MedianInterval;

        void ScoreRows(int start, int end)
        {
            var v = value.Values;
            var r = recency.Values;
            var t = tenure.Values;
            var ord = orders.Values;
            var c = complaints is null ? default : complaints.Values;
            var s = satisfaction is null ? default : satisfaction.Values;
            var p = pAlive is null ? default : pAlive.Values;
            for (var i = start; i < end; i++)
            {
                var flags = 0UL;
                var weights = 0.0;
                var sum = 0.0;
                if (o.OverdueWeight > 0)
                {
                    var interval = UrgencyFactors.OwnInterval(r[i], t[i], ord[i]);
                    var f = UrgencyFactors.Overdue(r[i], double.IsNaN(interval) ? median : interval, o.OverdueSaturation);
                    Add(f, o.OverdueWeight, o.ReasonThreshold, OverdueFlag, ref weights, ref sum, ref flags);
                }

                if (!c.IsEmpty && o.ComplaintsWeight > 0)
                {
                    Add(UrgencyFactors.Complaints(c[i], o.ComplaintSaturation), o.ComplaintsWeight, o.ReasonThreshold, ComplaintsFlag, ref weights, ref sum, ref flags);
                }

                if (!s.IsEmpty && o.SatisfactionWeight > 0)
                {
                    Add(UrgencyFactors.LowSatisfaction(s[i], o.SatisfactionThreshold, o.SatisfactionFloor), o.SatisfactionWeight, o.ReasonThreshold, LowSatisfactionFlag, ref weights, ref sum, ref flags);
                }

                if (!p.IsEmpty && o.PAliveWeight > 0)
                {
                    Add(UrgencyFactors.FallingPAlive(p[i]), o.PAliveWeight, o.ReasonThreshold, FallingPAliveFlag, ref weights, ref sum, ref flags);
                }

                var u = weights > 0 ? sum / weights : 0;
                var imp = Values.Percentile(v[i]);
                var important = imp >= o.ImportanceThreshold;
                var urgent = u >= o.UrgencyThreshold;
                if (important && o.ImportanceWeight > 0)
                {
                    flags |= HighValueFlag;
                }

                importance[i] = imp;
                urgency[i] = u;
                priority[i] = (wi * imp) + (wu * u);
                quadrant[i] = important ? (urgent ? 0 : 1) : (urgent ? 2 : 3);
                reasons[i] = flags;
            }
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

        return
        [
            new NumericColumn(ColumnNames.Importance, importance, owned: true),
            new NumericColumn(ColumnNames.Urgency, urgency, owned: true),
            new NumericColumn(ColumnNames.Priority, priority, owned: true),
            new CategoryColumn(ColumnNames.Quadrant, PriorityQuadrants.All, quadrant),
            new FlagsColumn(ColumnNames.PriorityReasons, PriorityReasonNames.All, reasons, owned: true),
        ];
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
        writer.WriteStartArray("values");
        foreach (var v in Values.Values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("below");
        foreach (var b in Values.Below)
        {
            writer.WriteNumberValue(b);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("ties");
        foreach (var t in Values.Ties)
        {
            writer.WriteNumberValue(t);
        }

        writer.WriteEndArray();
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
    {
        var numbers = population.GetNumeric(column);
        var values = numbers.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(Guard.Invariant(
                    $"Customer '{population.CustomerIds[i]}' has {values[i]} in column '{column}'; importance needs a finite value. Fill or drop such customers, or set PriorityOptions.ValueColumn to another column."), nameof(population));
            }
        }

        return numbers;
    }

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

    private static void Add(double factor, double weight, double reasonThreshold, ulong flag, ref double weights, ref double sum, ref ulong flags)
    {
        if (double.IsNaN(factor))
        {
            return;
        }

        weights += weight;
        sum += weight * factor;
        if (factor > 0 && factor >= reasonThreshold)
        {
            flags |= flag;
        }
    }

}
