using CustomerValue.Internal;
using CustomerValue.Tiers;

namespace CustomerValue;

/// <summary>Per rule of a rule points stage: how many customers it fired for and the points it contributed. Immutable.</summary>
public sealed class RulePointsSummary
{
    private RulePointsSummary(RulePointsSummaryRow[] rows) => Rows = rows;

    /// <summary>Gets one row per rule, in rule order.</summary>
    public IReadOnlyList<RulePointsSummaryRow> Rows { get; }

    /// <summary>Summarises the rules that fired in <paramref name="scored"/>.</summary>
    /// <param name="scored">A frame scored by the stage, still holding the rules' columns.</param>
    /// <param name="options">The options the stage was added with (its rules and <see cref="RulePointsOptions.RulesColumn"/>).</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">A column is missing.</exception>
    /// <exception cref="ArgumentException">The rules column is not a flags column naming exactly these rules, in order.</exception>
    public static RulePointsSummary Create(CustomerFrame scored, RulePointsOptions options)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.Rules;
        var names = rules.Select(r => r.DisplayName).ToArray();
        if (scored[options.RulesColumn] is not FlagsColumn flags || !flags.FlagNames.SequenceEqual(names, StringComparer.Ordinal))
        {
            throw new ArgumentException(Guard.Invariant(
                $"Column '{options.RulesColumn}' must be the flags column a rule points stage wrote with the rules {string.Join(", ", names)}; pass the options that stage was added with."), nameof(options));
        }

        var rows = new RulePointsSummaryRow[rules.Count];
        for (var r = 0; r < rules.Count; r++)
        {
            var bit = 1UL << r;
            var rule = rules[r];
            var values = rule.Kind == PointsRuleKind.PerUnit ? NumericInput.Read(scored, rule.Column, nameof(RulePointsSummary), nameof(options)).Values : default;
            var customers = 0;
            var points = 0.0;
            for (var i = 0; i < flags.Length; i++)
            {
                if ((flags[i] & bit) != 0)
                {
                    customers++;
                    points += rule.Kind == PointsRuleKind.PerUnit ? rule.Points * values[i] : rule.Points;
                }
            }

            rows[r] = new RulePointsSummaryRow(rule.DisplayName, customers, points);
        }

        return new RulePointsSummary(rows);
    }
}
