namespace CustomerValue;

/// <summary>
/// A rule of a ranges map that earlier rules shadow, completely or partly: some or all of the cells it
/// matches are taken by earlier rules, so those customers never reach it. Immutable.
/// </summary>
/// <param name="RuleIndex">The zero-based position of the rule in the map's rule list.</param>
/// <param name="Rule">The rule.</param>
/// <param name="MatchingCells">The number of (R, F, M) cells the rule's ranges contain.</param>
/// <param name="ReachableCells">The number of those cells the rule actually receives (no earlier rule matches them); 0 when shadowed completely.</param>
/// <param name="ShadowedBy">The zero-based positions of the earlier rules that take the rule's other cells, ascending.</param>
public sealed record ShadowedRule(int RuleIndex, SegmentRule Rule, int MatchingCells, int ReachableCells, IReadOnlyList<int> ShadowedBy);
