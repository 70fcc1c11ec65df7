using System.Text;
using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// What <see cref="SegmentMap.Validate"/> found in a map: cells no rule covers (they go to the fallback) and
/// first-match rules that earlier rules shadow. None of these stop a map from working; they are the
/// mistakes that make a segment silently smaller or empty. Immutable.
/// </summary>
public sealed class SegmentMapValidation
{
    internal SegmentMapValidation(
        string[] uncoveredCells,
        ShadowedRule[] shadowedRules,
        ShadowedRule[] partlyShadowedRules,
        string[] unreachableSegments)
    {
        UncoveredCells = uncoveredCells;
        ShadowedRules = shadowedRules;
        PartlyShadowedRules = partlyShadowedRules;
        UnreachableSegments = unreachableSegments;
    }

    /// <summary>Gets the (R, F, M) cells that no rule or listed cell covers, so they get the fallback, as three-digit codes ("111") in ascending order.</summary>
    public IReadOnlyList<string> UncoveredCells { get; }

    /// <summary>Gets whether every cell is covered by a rule or listed cell, so the fallback (if any) is never used.</summary>
    public bool IsTotal => UncoveredCells.Count == 0;

    /// <summary>Gets the rules of a ranges map that match no customer because earlier rules take every cell they match; empty for cell maps.</summary>
    public IReadOnlyList<ShadowedRule> ShadowedRules { get; }

    /// <summary>Gets the rules of a ranges map that earlier rules take some, but not all, of their cells from; empty for cell maps.</summary>
    public IReadOnlyList<ShadowedRule> PartlyShadowedRules { get; }

    /// <summary>Gets the declared segment names (not the fallback) that no cell maps to, because all their rules are shadowed.</summary>
    public IReadOnlyList<string> UnreachableSegments { get; }

    /// <summary>Gets whether the map is total and no rule is shadowed, completely or partly.</summary>
    public bool IsClean => IsTotal && ShadowedRules.Count == 0 && PartlyShadowedRules.Count == 0;

    /// <summary>Describes the findings in one line per kind, for logs and error messages.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        if (IsClean)
        {
            return "The map is total and no rule is shadowed.";
        }

        var text = new StringBuilder();
        if (!IsTotal)
        {
            text.Append(Guard.Invariant($"{UncoveredCells.Count} uncovered cells go to the fallback: {string.Join(", ", UncoveredCells)}."));
        }

        Describe(text, "Shadowed completely", ShadowedRules);
        Describe(text, "Shadowed partly", PartlyShadowedRules);
        if (UnreachableSegments.Count > 0)
        {
            text.Append(Guard.Invariant($" Unreachable segments: {string.Join(", ", UnreachableSegments)}."));
        }

        return text.ToString().TrimStart();
    }

    private static void Describe(StringBuilder text, string label, IReadOnlyList<ShadowedRule> rules)
    {
        foreach (var rule in rules)
        {
            text.Append(Guard.Invariant($" {label}: rules[{rule.RuleIndex}] ('{rule.Rule.Segment}') reaches {rule.ReachableCells} of its {rule.MatchingCells} cells; taken by rules {string.Join(", ", rule.ShadowedBy)}."));
        }
    }
}
