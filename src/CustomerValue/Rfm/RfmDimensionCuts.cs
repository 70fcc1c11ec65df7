using System.Collections.ObjectModel;
using System.Diagnostics;
using CustomerValue.Internal;
using CustomerValue.Rfm;

namespace CustomerValue;

/// <summary>
/// The fitted, frozen cut points of one RFM dimension: scores any population, including customers not seen at fit
/// time. Immutable.
/// </summary>
/// <remarks>
/// A value v falls in group g = the number of thresholds t with t &lt;= v (0..<c>Thresholds.Count</c>); its score is
/// <c>GroupScores[g]</c>. Values below every threshold fall in group 0 and values above every threshold in the last
/// group, so new customers outside the fitted range still get a score.
/// </remarks>
public sealed class RfmDimensionCuts
{
    private readonly double[] _thresholds;
    private readonly string?[] _thresholdIds;
    private readonly byte[] _groupScores;

    internal RfmDimensionCuts(
        double[] thresholds,
        string?[] thresholdIds,
        byte[] groupScores,
        int bins,
        BinningMethod method,
        bool higherIsBetter,
        bool collapsed,
        int distinctValues)
    {
        Debug.Assert(thresholds.Length == thresholdIds.Length, "One id slot per threshold.");
        Debug.Assert(groupScores.Length == thresholds.Length + 1, "One score per group.");
        Debug.Assert(thresholds.Length <= 8, "At most k - 1 = 8 thresholds.");
        _thresholds = thresholds;
        _thresholdIds = thresholdIds;
        _groupScores = groupScores;
        Bins = bins;
        Method = method;
        HigherIsBetter = higherIsBetter;
        Collapsed = collapsed;
        DistinctValues = distinctValues;
        HasThresholdIds = Array.Exists(thresholdIds, id => id is not null);
    }

    /// <summary>
    /// Gets the ascending thresholds. Equal neighbours occur only for <see cref="BinningMethod.RCompatible"/> (coinciding
    /// quantiles leave a score unused) and <see cref="BinningMethod.Ntile"/> (a tie split by <see cref="ThresholdIds"/>).
    /// </summary>
    public IReadOnlyList<double> Thresholds => new ReadOnlyCollection<double>(_thresholds);

    /// <summary>
    /// Gets, per threshold, the customer id that splits a tie at exactly that threshold value
    /// (<see cref="BinningMethod.Ntile"/> only): a customer whose value equals the threshold is at or after it only when
    /// <c>string.CompareOrdinal(id, thresholdId) &gt;= 0</c>. A null entry means every customer at the threshold value is
    /// at or after it.
    /// </summary>
    public IReadOnlyList<string?> ThresholdIds => new ReadOnlyCollection<string?>(_thresholdIds);

    /// <summary>
    /// Gets the score 1..<see cref="Bins"/> of each group (one more entry than <see cref="Thresholds"/>). Recency
    /// reversal and the spreading of a collapsed dimension are already applied.
    /// </summary>
    public IReadOnlyList<int> GroupScores => Array.ConvertAll(_groupScores, s => (int)s);

    /// <summary>Gets the number of scores, k (2..9).</summary>
    public int Bins { get; }

    /// <summary>Gets the method that produced these cuts.</summary>
    public BinningMethod Method { get; }

    /// <summary>Gets a value indicating whether larger values score higher (false for recency).</summary>
    public bool HigherIsBetter { get; }

    /// <summary>
    /// Gets a value indicating whether fewer than <see cref="Bins"/> groups held customers at fit time (too few distinct
    /// values, too few customers, or coinciding R quantiles). Always false for fixed cut points.
    /// </summary>
    public bool Collapsed { get; }

    /// <summary>
    /// Gets the number of distinct values seen at fit time, counted up to <see cref="Bins"/>: a value equal to
    /// <see cref="Bins"/> means "at least k" (counting further would cost a full sort of the population).
    /// 0 for fixed cut points, which are not fitted.
    /// </summary>
    public int DistinctValues { get; }

    internal ReadOnlySpan<double> ThresholdSpan => _thresholds;

    internal ReadOnlySpan<string?> ThresholdIdSpan => _thresholdIds;

    internal ReadOnlySpan<byte> GroupScoreSpan => _groupScores;

    internal bool HasThresholdIds { get; }

    /// <summary>Creates cuts from user-given cut points; nothing is learned from data.</summary>
    /// <param name="cutPoints">The k - 1 finite, strictly increasing cut points; a value v scores group
    /// g = the number of cut points &lt;= v.</param>
    /// <param name="bins">The number of scores, k (2..9).</param>
    /// <param name="higherIsBetter">True when larger values score higher; false for recency (group 0 scores k).</param>
    /// <returns>The frozen cuts, with <see cref="Method"/> = <see cref="BinningMethod.FixedCutPoints"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="cutPoints"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is outside 2..9.</exception>
    /// <exception cref="ArgumentException">The cut points are not k - 1 finite, strictly increasing values.</exception>
    public static RfmDimensionCuts FromCutPoints(IReadOnlyList<double> cutPoints, int bins, bool higherIsBetter)
    {
        Guard.NotNull(cutPoints);
        Guard.InRange(bins, 2, 9);
        if (cutPoints.Count != bins - 1)
        {
            throw new ArgumentException(
                Guard.Invariant($"Fixed cut points: {bins} bins need exactly {bins - 1} cut points; {cutPoints.Count} were given. Give bins - 1 cut points or change the number of bins."),
                nameof(cutPoints));
        }

        var thresholds = new double[cutPoints.Count];
        for (var i = 0; i < thresholds.Length; i++)
        {
            var cut = cutPoints[i];
            if (!double.IsFinite(cut))
            {
                throw new ArgumentException(
                    Guard.Invariant($"Fixed cut points: cut point {i} must be a finite number; it was {cut}."),
                    nameof(cutPoints));
            }

            if (i > 0 && !(cut > thresholds[i - 1]))
            {
                throw new ArgumentException(
                    Guard.Invariant($"Fixed cut points must be strictly increasing; cut point {i} ({cut}) is not greater than cut point {i - 1} ({thresholds[i - 1]})."),
                    nameof(cutPoints));
            }

            thresholds[i] = cut;
        }

        return new RfmDimensionCuts(
            thresholds,
            new string?[thresholds.Length],
            RfmBinning.ConsecutiveScores(bins, higherIsBetter),
            bins,
            BinningMethod.FixedCutPoints,
            higherIsBetter,
            collapsed: false,
            distinctValues: 0);
    }
}
