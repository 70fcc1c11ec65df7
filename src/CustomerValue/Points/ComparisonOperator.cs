namespace CustomerValue;

/// <summary>How a comparison <see cref="PointsRule"/> compares a numeric column with its value.</summary>
public enum ComparisonOperator
{
    /// <summary>value &gt;= <see cref="PointsRule.Value"/>.</summary>
    GreaterOrEqual,

    /// <summary>value &gt; <see cref="PointsRule.Value"/>.</summary>
    Greater,

    /// <summary>value &lt;= <see cref="PointsRule.Value"/>.</summary>
    LessOrEqual,

    /// <summary>value &lt; <see cref="PointsRule.Value"/>.</summary>
    Less,

    /// <summary>value == <see cref="PointsRule.Value"/>.</summary>
    Equal,

    /// <summary>value != <see cref="PointsRule.Value"/> (a missing value never fires).</summary>
    NotEqual,

    /// <summary><see cref="PointsRule.Value"/> &lt;= value &lt;= <see cref="PointsRule.UpperValue"/>, both ends inclusive.</summary>
    Between,
}
