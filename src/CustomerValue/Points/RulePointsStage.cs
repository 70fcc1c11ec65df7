using System.Numerics;
using System.Text.Json;
using CustomerValue.Internal;
using CustomerValue.Tiers;

namespace CustomerValue.Points;

/// <summary>
/// Sums the points of the rules that fire for each customer. Nothing is learned from the population, so it is its own
/// fitted stage; fitting checks the column kinds. Immutable and thread-safe.
/// </summary>
internal sealed class RulePointsStage : ICustomerStage, IFittedCustomerStage
{
    public const string StageKind = "rule-points";

    private readonly RulePointsOptions _options;
    private readonly PointsRule[] _rules;
    private readonly string[] _ruleNames;
    private readonly string[] _inputs;
    private readonly string[] _outputs;

    public RulePointsStage(RulePointsOptions options)
    {
        _rules = [.. options.Rules];
        _options = options with { Rules = _rules };
        _ruleNames = [.. _rules.Select(r => r.DisplayName)];
        _inputs = [.. _rules.Select(r => r.Column).Distinct(StringComparer.Ordinal)];
        _outputs = [options.PointsColumn, options.RulesColumn];
    }

    private interface ITest
    {
        bool Fires(double value, double low, double high);

        // The same test on a vector of values: each lane all ones where it fires.
        Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high);
    }

    public string Name => _options.Name;

    public string Kind => StageKind;

    public IReadOnlyList<string> RequiredColumns => _inputs;

    public IReadOnlyList<string> ProducedColumns => _outputs;

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        CheckKinds(population);
        return this;
    }

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        CheckKinds(population);
        var n = population.Count;
        var numeric = new NumericInput[_rules.Length];
        var categoryMatch = new bool[_rules.Length][];
        var textMatch = new HashSet<string>[_rules.Length];
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            if (rule.Kind != PointsRuleKind.Membership)
            {
                numeric[r] = NumericInput.Read(population, rule.Column, Name, "Rules");
            }
            else if (population[rule.Column] is CategoryColumn category)
            {
                // Indexed by code + 1, so a missing value (code -1) reads the leading false.
                var set = new HashSet<string>(rule.Values, StringComparer.Ordinal);
                categoryMatch[r] = [false, .. category.Categories.Select(set.Contains)];
            }
            else
            {
                textMatch[r] = new HashSet<string>(rule.Values, StringComparer.Ordinal);
            }
        }

        // The fired rules are collected per block as 64-bit sets and stored in the narrowest width the rules need
        // (see FlagsColumn): one byte per customer for up to 8 rules. The points follow from the fired rules, so they
        // are a derived column (see PointsOf): at millions of customers writing 8 more bytes each to fresh memory costs
        // more than summing a customer's points whenever they are read.
        var (bits8, bits16, bits64) = _rules.Length switch
        {
            <= 8 => (GC.AllocateUninitializedArray<byte>(n), null, null),
            <= 16 => ((byte[]?)null, GC.AllocateUninitializedArray<ushort>(n), (ulong[]?)null),
            _ => (null, null, GC.AllocateUninitializedArray<ulong>(n)),
        };
        Ranges.ForBlocks(n, (start, end) =>
        {
            var length = end - start;
            var block = System.Buffers.ArrayPool<ulong>.Shared.Rent(length);
            var b = block.AsSpan(0, length);
            b.Clear();
            for (var r = 0; r < _rules.Length; r++)
            {
                var rule = _rules[r];
                var bit = 1UL << r;
                if (rule.Kind != PointsRuleKind.Membership)
                {
                    ApplyNumeric(rule, numeric[r].Values.Slice(start, length), b, bit);
                }
                else if (categoryMatch[r] is { } match)
                {
                    var category = population.GetCategory(rule.Column);
                    var narrow = category.NarrowCodes;
                    var codes = narrow.IsEmpty ? category.Codes.Slice(start, length) : default;
                    for (var i = 0; i < length; i++)
                    {
                        b[i] |= bit & Branchless.Mask(match[narrow.IsEmpty ? codes[i] + 1 : narrow[start + i]]);
                    }
                }
                else
                {
                    var text = population.GetText(rule.Column);
                    var set = textMatch[r];
                    for (var i = 0; i < length; i++)
                    {
                        if (text[start + i] is { } value && set.Contains(value))
                        {
                            b[i] |= bit;
                        }
                    }
                }
            }

            if (bits8 is not null)
            {
                FlagsColumn.Narrow<byte>(b, bits8.AsSpan(start, length));
            }
            else if (bits16 is not null)
            {
                FlagsColumn.Narrow<ushort>(b, bits16.AsSpan(start, length));
            }
            else
            {
                b.CopyTo(bits64.AsSpan(start, length));
            }

            System.Buffers.ArrayPool<ulong>.Shared.Return(block);
        });

        var fired = bits8 is not null ? new FlagsColumn(_outputs[1], _ruleNames, bits8)
            : bits16 is not null ? new FlagsColumn(_outputs[1], _ruleNames, bits16)
            : new FlagsColumn(_outputs[1], _ruleNames, bits64!, owned: true);
        var rules = _rules;
        return [new NumericColumn(_outputs[0], n, row => PointsOf(rules, numeric, fired[row], row)), fired];
    }

    // The points of one customer: the fired rules' points added in rule order, a per-unit rule's times the value.
    private static double PointsOf(PointsRule[] rules, NumericInput[] numeric, ulong fired, int row)
    {
        var points = 0.0;
        for (var r = 0; r < rules.Length; r++)
        {
            if ((fired & (1UL << r)) != 0)
            {
                points += rules[r].Kind == PointsRuleKind.PerUnit ? rules[r].Points * numeric[r].Values[row] : rules[r].Points;
            }
        }

        return points;
    }

    public StageDescription Describe()
        => new(
            Name,
            Kind,
            [new("points column", _outputs[0]), new("rules column", _outputs[1]), .. _rules.Select(r => new KeyValuePair<string, string>(r.DisplayName, r.ToString()))],
            []);

    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("pointsColumn", _outputs[0]);
        writer.WriteString("rulesColumn", _outputs[1]);
        writer.WriteStartArray("rules");
        foreach (var rule in _rules)
        {
            writer.WriteStartObject();
            writer.WriteString("name", rule.Name);
            writer.WriteString("kind", rule.Kind.ToString());
            writer.WriteString("column", rule.Column);
            writer.WriteNumber("points", rule.Points);
            if (rule.Operator is { } comparison)
            {
                writer.WriteString("operator", comparison.ToString());
                writer.WriteNumber("value", rule.Value);
                if (comparison == ComparisonOperator.Between)
                {
                    writer.WriteNumber("upperValue", rule.UpperValue);
                }
            }

            if (rule.Kind == PointsRuleKind.Membership)
            {
                JsonState.WriteStrings(writer, "values", rule.Values);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static IFittedCustomerStage Load(string name, JsonElement state)
        => new RulePointsStage(new RulePointsOptions
        {
            Name = name,
            PointsColumn = state.GetProperty("pointsColumn").GetString()!,
            RulesColumn = state.GetProperty("rulesColumn").GetString()!,
            Rules = [.. state.GetProperty("rules").EnumerateArray().Select(LoadRule)],
        });

    private static PointsRule LoadRule(JsonElement element)
    {
        ComparisonOperator? comparison = element.TryGetProperty("operator", out var op) ? Enum.Parse<ComparisonOperator>(op.GetString()!) : null;
        return PointsRule.Restore(
            Enum.Parse<PointsRuleKind>(element.GetProperty("kind").GetString()!),
            element.GetProperty("column").GetString()!,
            comparison,
            element.TryGetProperty("value", out var value) ? value.GetDouble() : double.NaN,
            element.TryGetProperty("upperValue", out var upper) ? upper.GetDouble() : double.NaN,
            element.TryGetProperty("values", out var values) ? [.. values.EnumerateArray().Select(v => v.GetString()!)] : [],
            element.GetProperty("points").GetDouble(),
            element.GetProperty("name").GetString());
    }

    private static void ApplyNumeric(PointsRule rule, ReadOnlySpan<double> values, Span<ulong> bits, ulong bit)
    {
        var (low, high) = (rule.Value, rule.UpperValue);
        switch (rule.Operator)
        {
            case null: Apply<NonZero>(values, low, high, bits, bit); break;
            case ComparisonOperator.GreaterOrEqual: Apply<GreaterOrEqual>(values, low, high, bits, bit); break;
            case ComparisonOperator.Greater: Apply<Greater>(values, low, high, bits, bit); break;
            case ComparisonOperator.LessOrEqual: Apply<LessOrEqual>(values, low, high, bits, bit); break;
            case ComparisonOperator.Less: Apply<Less>(values, low, high, bits, bit); break;
            case ComparisonOperator.Equal: Apply<Equal>(values, low, high, bits, bit); break;
            case ComparisonOperator.NotEqual: Apply<NotEqual>(values, low, high, bits, bit); break;
            default: Apply<InRange>(values, low, high, bits, bit); break;
        }
    }

    // One loop per test, specialised by the struct type, so no per-customer branch on the operator, and none on the
    // outcome either (see Branchless).
    private static void Apply<T>(ReadOnlySpan<double> values, double low, double high, Span<ulong> bits, ulong bit)
        where T : struct, ITest
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (lows, highs, bitLanes) = (new Vector<double>(low), new Vector<double>(high), new Vector<ulong>(bit));
            for (; i + Vector<double>.Count <= values.Length; i += Vector<double>.Count)
            {
                var fired = new Vector<ulong>(bits[i..]) | (bitLanes & Vector.AsVectorUInt64(default(T).Fires(new Vector<double>(values[i..]), lows, highs)));
                fired.CopyTo(bits[i..]);
            }
        }

        for (; i < values.Length; i++)
        {
            bits[i] |= bit & Branchless.Mask(default(T).Fires(values[i], low, high));
        }
    }

    private void CheckKinds(CustomerFrame population)
    {
        for (var r = 0; r < _rules.Length; r++)
        {
            var rule = _rules[r];
            var kind = population[rule.Column].Kind;
            var membership = rule.Kind == PointsRuleKind.Membership;
            if (membership ? kind is not (ColumnKind.Text or ColumnKind.Category) : !NumericInput.IsNumeric(kind))
            {
                var fix = membership
                    ? "a membership rule (PointsRule.Is / In) reads a text or category column; use PointsRule.Compare for numbers"
                    : "a per-unit or comparison rule reads a numeric or score column; use PointsRule.Is / In for text";
                throw PopulationError.Create(Guard.Invariant(
                    $"Stage '{Name}', rule '{rule.DisplayName}' (Rules[{r}]): column '{rule.Column}' is a {kind} column, but {fix}."));
            }
        }
    }

    // Comparisons are false for NaN, so a missing value never fires; NonZero and NotEqual check it explicitly.
    private readonly struct NonZero : ITest
    {
        public bool Fires(double value, double low, double high) => (value != 0) & !double.IsNaN(value);

        public Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high) => ~Vector.Equals(values, Vector<double>.Zero) & Vector.Equals(values, values);
    }

    private readonly struct GreaterOrEqual : ITest
    {
        public bool Fires(double value, double low, double high) => value >= low;

        public Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high) => Vector.GreaterThanOrEqual(values, low);
    }

    private readonly struct Greater : ITest
    {
        public bool Fires(double value, double low, double high) => value > low;

        public Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high) => Vector.GreaterThan(values, low);
    }

    private readonly struct LessOrEqual : ITest
    {
        public bool Fires(double value, double low, double high) => value <= low;

        public Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high) => Vector.LessThanOrEqual(values, low);
    }

    private readonly struct Less : ITest
    {
        public bool Fires(double value, double low, double high) => value < low;

        public Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high) => Vector.LessThan(values, low);
    }

    private readonly struct Equal : ITest
    {
        public bool Fires(double value, double low, double high) => value == low;

        public Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high) => Vector.Equals(values, low);
    }

    private readonly struct NotEqual : ITest
    {
        public bool Fires(double value, double low, double high) => (value != low) & !double.IsNaN(value);

        public Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high) => ~Vector.Equals(values, low) & Vector.Equals(values, values);
    }

    private readonly struct InRange : ITest
    {
        public bool Fires(double value, double low, double high) => (value >= low) & (value <= high);

        public Vector<long> Fires(Vector<double> values, Vector<double> low, Vector<double> high) => Vector.GreaterThanOrEqual(values, low) & Vector.LessThanOrEqual(values, high);
    }
}
