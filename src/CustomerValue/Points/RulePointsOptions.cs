namespace CustomerValue;

/// <summary>
/// Options of the rule points stage (<see cref="RulePointsPipelineBuilderExtensions.AddRulePoints"/>): additive
/// positive and negative points per criterion, summed per customer, with the rules that fired. Immutable.
/// </summary>
public sealed record RulePointsOptions
{
    /// <summary>The most rules a stage can hold: one bit each in the <see cref="FlagsColumn"/> of fired rules.</summary>
    public const int MaxRules = FlagsColumn.MaxFlags;

    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "rule-points".</value>
    public string Name { get; init; } = "rule-points";

    /// <summary>Gets the rules, 1..<see cref="MaxRules"/>, with distinct <see cref="PointsRule.DisplayName"/>s.</summary>
    /// <value>The default value is empty; at least one rule is required.</value>
    public IReadOnlyList<PointsRule> Rules { get; init; } = [];

    /// <summary>Gets the numeric column the total is written to (0 when no rule fires).</summary>
    /// <value>The default value is <see cref="ColumnNames.Points"/>.</value>
    public string PointsColumn { get; init; } = ColumnNames.Points;

    /// <summary>Gets the flags column naming the rules that fired.</summary>
    /// <value>The default value is <see cref="ColumnNames.PointsRules"/>.</value>
    public string RulesColumn { get; init; } = ColumnNames.PointsRules;
}
