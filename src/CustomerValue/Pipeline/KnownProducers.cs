using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>Which built-in stage produces which column, so a build error can name the missing producer.</summary>
internal static class KnownProducers
{
    private static readonly Dictionary<string, string> Producers = new(StringComparer.Ordinal)
    {
        [ColumnNames.RecencyScore] = "AddRfmScores()",
        [ColumnNames.FrequencyScore] = "AddRfmScores()",
        [ColumnNames.MonetaryScore] = "AddRfmScores()",
        [ColumnNames.FmScore] = "AddRfmScores()",
        [ColumnNames.RfmCode] = "AddRfmScores()",
        [ColumnNames.RfmScore] = "AddRfmScores()",
        [ColumnNames.Segment] = "AddSegments()",
        [ColumnNames.Tier] = "a tier stage such as AddAbcTiers()",
        [ColumnNames.Points] = "AddRulePoints()",
        [ColumnNames.PointsRules] = "AddRulePoints()",
        [ColumnNames.Importance] = "AddPriority()",
        [ColumnNames.Urgency] = "AddPriority()",
        [ColumnNames.Priority] = "AddPriority()",
        [ColumnNames.PriorityRank] = "AddPriorityRank()",
        [ColumnNames.Quadrant] = "AddPriority()",
        [ColumnNames.PriorityReasons] = "AddPriority()",
        [ColumnNames.LowValueCriteria] = "AddLowValueDetection()",
        [ColumnNames.ProbabilityAlive] = "AddClv()",
        [ColumnNames.ExpectedPurchases] = "AddClv()",
        [ColumnNames.ExpectedSpend] = "AddClv()",
        [ColumnNames.Clv] = "AddClv()",
        [ColumnNames.ValueStatus] = "AddLowValueDetection()",
        [ColumnNames.StatusReasons] = "AddLowValueDetection()",
    };

    public static string Describe(string column)
        => Producers.TryGetValue(column, out var producer)
            ? Guard.Invariant($"It is produced by {producer}: add that stage before this one.")
            : Guard.Invariant($"Add a stage that produces it before this one, or declare it with WithInputColumns(\"{column}\") if the population carries it.");
}
