namespace CustomerValue;

/// <summary>One rule's line in a <see cref="RulePointsSummary"/>. Immutable.</summary>
/// <param name="Rule">The rule's <see cref="PointsRule.DisplayName"/>.</param>
/// <param name="Customers">The number of customers the rule fired for.</param>
/// <param name="Points">The points the rule contributed over all customers (negative for a penalty).</param>
public sealed record RulePointsSummaryRow(string Rule, int Customers, double Points);
