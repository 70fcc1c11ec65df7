namespace CustomerValue;

/// <summary>The kind of a <see cref="PointsRule"/>.</summary>
public enum PointsRuleKind
{
    /// <summary>Points per unit of a numeric column (each complaint -5): points x value; fires when the value is not 0.</summary>
    PerUnit,

    /// <summary>Fixed points when a numeric column compares true with a value (satisfaction &gt;= 9: +10).</summary>
    Comparison,

    /// <summary>Fixed points when a text or category column holds one of a set of values (industry = "Retail": +3).</summary>
    Membership,
}
