namespace CustomerValue;

/// <summary>
/// A first-match rule of a ranges map (<see cref="SegmentMap.FromRanges"/>): a customer whose recency,
/// frequency and monetary scores all lie in the given ranges belongs to <see cref="Segment"/>, unless an
/// earlier rule matched first. Immutable.
/// </summary>
/// <param name="Segment">The segment name; several rules may name the same segment.</param>
/// <param name="Recency">The recency scores the rule matches (k = most recent).</param>
/// <param name="Frequency">The frequency scores the rule matches.</param>
/// <param name="Monetary">The monetary scores the rule matches.</param>
public sealed record SegmentRule(string Segment, ScoreRange Recency, ScoreRange Frequency, ScoreRange Monetary)
{
    /// <summary>Gets whether the rule matches the scores <paramref name="recency"/>, <paramref name="frequency"/>, <paramref name="monetary"/>.</summary>
    /// <param name="recency">The recency score.</param>
    /// <param name="frequency">The frequency score.</param>
    /// <param name="monetary">The monetary score.</param>
    /// <returns><see langword="true"/> when all three scores lie in the rule's ranges.</returns>
    public bool Matches(int recency, int frequency, int monetary)
        => Recency.Contains(recency) && Frequency.Contains(frequency) && Monetary.Contains(monetary);
}
