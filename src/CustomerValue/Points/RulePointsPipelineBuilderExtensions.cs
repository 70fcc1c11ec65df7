using CustomerValue.Internal;
using CustomerValue.Points;

namespace CustomerValue;

/// <summary>Adds the rule points stage to a pipeline.</summary>
public static class RulePointsPipelineBuilderExtensions
{
    /// <summary>
    /// Adds rule points: per customer the sum of the points of the rules that fired (<see cref="RulePointsOptions.PointsColumn"/>)
    /// and the rules that fired (<see cref="RulePointsOptions.RulesColumn"/>). Every rule's column is a required input, so
    /// <see cref="CustomerPipelineBuilder.Build"/> names a column nothing provides; a column of the wrong kind fails fitting,
    /// naming the rule. A missing value never fires a rule. Nothing is learned from the population.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options, with at least one rule.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option or rule is invalid; the message names every invalid option and rule.</exception>
    public static CustomerPipelineBuilder AddRulePoints(this CustomerPipelineBuilder builder, RulePointsOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add("Name must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.PointsColumn))
        {
            errors.Add("PointsColumn must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.RulesColumn))
        {
            errors.Add("RulesColumn must not be empty.");
        }
        else if (string.Equals(options.RulesColumn, options.PointsColumn, StringComparison.Ordinal))
        {
            errors.Add(Guard.Invariant($"RulesColumn must differ from PointsColumn; both are '{options.RulesColumn}'."));
        }

        if (options.Rules is null || options.Rules.Count == 0)
        {
            errors.Add("Rules must list at least one rule, for example PointsRule.PerUnit(ColumnNames.Complaints, -5).");
        }
        else if (options.Rules.Count > RulePointsOptions.MaxRules)
        {
            errors.Add(Guard.Invariant($"Rules must list at most {RulePointsOptions.MaxRules} rules (one flag each); it lists {options.Rules.Count}. Split them across two stages with different PointsColumn and RulesColumn."));
        }
        else
        {
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < options.Rules.Count; r++)
            {
                CheckRule(errors, r, options.Rules[r], names);
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid RulePointsOptions: " + string.Join(" ", errors), nameof(options));
        }

        return builder.AddStage(new RulePointsStage(options));
    }

    private static void CheckRule(List<string> errors, int index, PointsRule? rule, Dictionary<string, int> names)
    {
        if (rule is null)
        {
            errors.Add(Guard.Invariant($"Rules[{index}] must not be null."));
            return;
        }

        var column = string.IsNullOrWhiteSpace(rule.Column) ? null : rule.Column;
        var label = column is null ? Guard.Invariant($"Rules[{index}]") : Guard.Invariant($"Rules[{index}] ('{rule.DisplayName}')");
        if (column is null)
        {
            errors.Add(label + ": Column must not be empty.");
        }

        if (rule.Name is not null && string.IsNullOrWhiteSpace(rule.Name))
        {
            errors.Add(label + ": the name must not be empty; pass null to derive it from the definition.");
        }
        else if (column is not null && !names.TryAdd(rule.DisplayName, index))
        {
            errors.Add(Guard.Invariant($"{label}: the name is already used by Rules[{names[rule.DisplayName]}]; give one of them another name."));
        }

        if (!double.IsFinite(rule.Points))
        {
            errors.Add(Guard.Invariant($"{label}: Points must be a finite number; it was {rule.Points}."));
        }

        switch (rule.Kind)
        {
            case PointsRuleKind.Comparison when rule.Operator is not { } comparison || !Enum.IsDefined(comparison):
                errors.Add(Guard.Invariant($"{label}: Operator must be one of {string.Join(", ", Enum.GetNames<ComparisonOperator>())}; it was {(int?)rule.Operator}."));
                break;
            case PointsRuleKind.Comparison when !double.IsFinite(rule.Value):
                errors.Add(Guard.Invariant($"{label}: Value must be a finite number; it was {rule.Value}."));
                break;
            case PointsRuleKind.Comparison when rule.Operator == ComparisonOperator.Between && !(double.IsFinite(rule.UpperValue) && rule.UpperValue >= rule.Value):
                errors.Add(Guard.Invariant($"{label}: UpperValue must be a finite number >= Value ({rule.Value}); it was {rule.UpperValue}."));
                break;
            case PointsRuleKind.Comparison when rule.Operator != ComparisonOperator.Between && !double.IsNaN(rule.UpperValue):
                errors.Add(Guard.Invariant($"{label}: UpperValue is only used with Between."));
                break;
            case PointsRuleKind.Membership when rule.Values.Count == 0:
                errors.Add(label + ": Values must list at least one value.");
                break;
            case PointsRuleKind.Membership when rule.Values.Any(v => v is null):
                errors.Add(label + ": Values must not contain null (a missing value never fires a rule).");
                break;
        }
    }
}
