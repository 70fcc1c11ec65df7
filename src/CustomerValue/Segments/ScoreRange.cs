namespace CustomerValue;

/// <summary>
/// An inclusive range of scores, <see cref="Min"/> to <see cref="Max"/>, used by a <see cref="SegmentRule"/>. Immutable.
/// </summary>
/// <param name="Min">The lowest score in the range.</param>
/// <param name="Max">The highest score in the range.</param>
/// <remarks>The bounds are checked against the map's bins (1..k, <see cref="Min"/> &lt;= <see cref="Max"/>) when a map is built from the rule.</remarks>
public sealed record ScoreRange(int Min, int Max)
{
    /// <summary>Gets whether <paramref name="score"/> lies in the range, bounds included.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> when <see cref="Min"/> &lt;= <paramref name="score"/> &lt;= <see cref="Max"/>.</returns>
    public bool Contains(int score) => score >= Min && score <= Max;
}
