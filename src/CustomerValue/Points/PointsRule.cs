using System.Globalization;

namespace CustomerValue;

/// <summary>
/// One additive scoring rule of the rule points stage (<see cref="RulePointsPipelineBuilderExtensions.AddRulePoints"/>):
/// positive or negative points per criterion on one column. Create rules with <see cref="PerUnit"/>,
/// <see cref="Compare"/>, <see cref="Between"/>, <see cref="Is"/> or <see cref="In"/>; they are checked when the stage is
/// added (and the column kinds when it is fitted). A missing value (NaN, score 0, null text) never fires a rule. Immutable.
/// </summary>
public sealed record PointsRule
{
    private PointsRule(PointsRuleKind kind, string column, ComparisonOperator? comparison, double value, double upperValue, IReadOnlyList<string> values, double points, string? name)
    {
        Kind = kind;
        Column = column;
        Operator = comparison;
        Value = value;
        UpperValue = upperValue;
        Values = values;
        Points = points;
        Name = name;
    }

    /// <summary>Gets the name given at creation, or <see langword="null"/> to use the one derived from the definition (see <see cref="DisplayName"/>).</summary>
    public string? Name { get; }

    /// <summary>Gets the rule's name in outputs and errors: <see cref="Name"/>, or one derived from the definition such as "satisfaction &gt;= 9".</summary>
    public string DisplayName => Name ?? Describe();

    /// <summary>Gets the kind of rule.</summary>
    public PointsRuleKind Kind { get; }

    /// <summary>Gets the column the rule reads: numeric or score for per-unit and comparison rules, text or category for membership rules.</summary>
    public string Column { get; }

    /// <summary>Gets the comparison of a <see cref="PointsRuleKind.Comparison"/> rule; <see langword="null"/> for other kinds.</summary>
    public ComparisonOperator? Operator { get; }

    /// <summary>Gets the value a comparison rule compares with (the lower end for <see cref="ComparisonOperator.Between"/>); NaN for other kinds.</summary>
    public double Value { get; }

    /// <summary>Gets the upper end of a <see cref="ComparisonOperator.Between"/> rule; NaN otherwise.</summary>
    public double UpperValue { get; }

    /// <summary>Gets the values a membership rule matches (ordinal comparison); empty for other kinds.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Gets the points when the rule fires, or per unit for a per-unit rule; negative points subtract.</summary>
    public double Points { get; }

    /// <summary>Creates a per-unit rule: <paramref name="pointsPerUnit"/> x the column's value (each complaint -5). It fires when the value is not 0.</summary>
    /// <param name="column">A numeric or score column.</param>
    /// <param name="pointsPerUnit">The points per unit, finite.</param>
    /// <param name="name">The rule name; <see langword="null"/> for "column x points".</param>
    /// <returns>The rule.</returns>
    public static PointsRule PerUnit(string column, double pointsPerUnit, string? name = null)
        => new(PointsRuleKind.PerUnit, column, null, double.NaN, double.NaN, [], pointsPerUnit, name);

    /// <summary>Creates a comparison rule: <paramref name="points"/> when the column compares true with <paramref name="value"/> (satisfaction &gt;= 9: +10).</summary>
    /// <param name="column">A numeric or score column.</param>
    /// <param name="comparison">The comparison; for a range use <see cref="Between"/>.</param>
    /// <param name="value">The value to compare with, finite.</param>
    /// <param name="points">The points, finite.</param>
    /// <param name="name">The rule name; <see langword="null"/> for "column op value".</param>
    /// <returns>The rule.</returns>
    public static PointsRule Compare(string column, ComparisonOperator comparison, double value, double points, string? name = null)
        => new(PointsRuleKind.Comparison, column, comparison, value, double.NaN, [], points, name);

    /// <summary>Creates a range rule: <paramref name="points"/> when <paramref name="low"/> &lt;= value &lt;= <paramref name="high"/>.</summary>
    /// <param name="column">A numeric or score column.</param>
    /// <param name="low">The lower end, finite and at most <paramref name="high"/>.</param>
    /// <param name="high">The upper end, finite.</param>
    /// <param name="points">The points, finite.</param>
    /// <param name="name">The rule name; <see langword="null"/> for "column between low and high".</param>
    /// <returns>The rule.</returns>
    public static PointsRule Between(string column, double low, double high, double points, string? name = null)
        => new(PointsRuleKind.Comparison, column, ComparisonOperator.Between, low, high, [], points, name);

    /// <summary>Creates an equality rule on a text or category column: <paramref name="points"/> when it holds <paramref name="value"/> (industry = "Retail": +3).</summary>
    /// <param name="column">A text or category column.</param>
    /// <param name="value">The value (ordinal comparison).</param>
    /// <param name="points">The points, finite.</param>
    /// <param name="name">The rule name; <see langword="null"/> for "column = value".</param>
    /// <returns>The rule.</returns>
    public static PointsRule Is(string column, string value, double points, string? name = null)
        => new(PointsRuleKind.Membership, column, null, double.NaN, double.NaN, [value], points, name);

    /// <summary>Creates a membership rule on a text or category column: <paramref name="points"/> when it holds one of <paramref name="values"/>.</summary>
    /// <param name="column">A text or category column.</param>
    /// <param name="values">The values (ordinal comparison), at least one.</param>
    /// <param name="points">The points, finite.</param>
    /// <param name="name">The rule name; <see langword="null"/> for "column in {values}".</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static PointsRule In(string column, IEnumerable<string> values, double points, string? name = null)
        => new(PointsRuleKind.Membership, column, null, double.NaN, double.NaN, [.. values ?? throw new ArgumentNullException(nameof(values))], points, name);

    /// <summary>Describes the rule's definition and points, for audit.</summary>
    /// <returns>The text, such as "satisfaction &gt;= 9: +10".</returns>
    public override string ToString() => Describe() + ": " + (Kind == PointsRuleKind.PerUnit ? "points x value" : Points.ToString("+0.############;-0.############;0", CultureInfo.InvariantCulture));

    internal static PointsRule Restore(PointsRuleKind kind, string column, ComparisonOperator? comparison, double value, double upperValue, IReadOnlyList<string> values, double points, string? name)
        => new(kind, column, comparison, value, upperValue, values, points, name);

    private string Describe() => Kind switch
    {
        PointsRuleKind.PerUnit => Column + " x " + Number(Points),
        PointsRuleKind.Comparison when Operator == ComparisonOperator.Between => Column + " between " + Number(Value) + " and " + Number(UpperValue),
        PointsRuleKind.Comparison => Column + " " + Symbol(Operator) + " " + Number(Value),
        _ when Values.Count == 1 => Column + " = " + Values[0],
        _ => Column + " in {" + string.Join(", ", Values) + "}",
    };

    private static string Symbol(ComparisonOperator? comparison) => comparison switch
    {
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        _ => "?",
    };

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
