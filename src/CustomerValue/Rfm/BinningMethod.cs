namespace CustomerValue;

/// <summary>How the cut points of one RFM dimension are chosen.</summary>
/// <remarks>
/// Every method produces frozen cut points (<see cref="RfmDimensionCuts"/>) that score any population, including
/// customers never seen when the cuts were fitted. Recency is always reversed: the most recent group scores highest.
/// </remarks>
public enum BinningMethod
{
    /// <summary>
    /// Balanced tie-aware quantiles, the default. Equal values always share a score and a larger value never gets a
    /// lower score; with d distinct values exactly min(k, d) groups are formed and, among all contiguous groupings of
    /// the sorted distinct values into that many groups, the one minimising the sum of squared deviations of the group
    /// sizes from n/k is chosen (equal-cost groupings: the lexicographically smallest vector of group sizes, counted
    /// from the smallest value up). Without ties the group sizes are floor(n/k) or ceil(n/k). When d &lt; k the
    /// groups' scores are spread over 1..k so that the best group still scores k and the worst 1: the group ranked r
    /// from the worst (0..g-1) scores 1 + round-half-up(r (k-1) / (g-1)), and a single group scores
    /// 1 + round-half-up((k-1)/2) (3 for k = 5); the fitted cuts then report <see cref="RfmDimensionCuts.Collapsed"/>.
    /// Fitting builds a histogram of the distinct values in O(n) and never sorts the population.
    /// This avoids the defects of the common peers: pandas <c>qcut</c> fails on duplicate bin edges; PyMC-Marketing
    /// drops the top label so the best customers cannot reach the top score; R <c>rfm</c> 0.3.0 leaves score values
    /// unused when quantiles coincide; SQL NTILE gives equal values different scores.
    /// </summary>
    BalancedQuantiles = 0,

    /// <summary>
    /// User-given cut points (k - 1 finite, strictly increasing values; see
    /// <see cref="RfmDimensionCuts.FromCutPoints(IReadOnlyList{double}, int, bool)"/>). Nothing is learned from the data, so
    /// the scores mean the same thing in every run; a poorly chosen cut point can leave scores unused.
    /// </summary>
    FixedCutPoints = 1,

    /// <summary>
    /// Equal-count groups as SQL <c>NTILE(k)</c> / Dynamics AX "even distribution": customers are ordered by value and
    /// then by customer id (ordinal), and the first n mod k groups (from the smallest value) get one extra customer.
    /// Group sizes are as equal as possible, but equal values can get different scores (the peers' defect, kept here
    /// deterministic by the id tie-break). Fitting sorts the population: O(n log n).
    /// </summary>
    Ntile = 2,

    /// <summary>
    /// Reproduces R package <c>rfm</c> 0.3.0 (<c>rfm_table_order</c>) for users who migrate: the k - 1 inner R type-7
    /// quantiles at 1/k, ..., (k-1)/k, each plus 1, are the cut points, and a value v falls in the interval
    /// lower &lt;= v &lt; upper. Equal values share a score, but coinciding quantiles leave score values unused
    /// (R <c>rfm</c> issue #17) and the added 1 is a dead zone for money amounts; both defects are reproduced on purpose.
    /// </summary>
    RCompatible = 3,
}
