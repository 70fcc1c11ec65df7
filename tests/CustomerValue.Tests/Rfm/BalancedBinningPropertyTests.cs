using CustomerValue.Rfm;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerValue.Tests.Rfm;

public sealed class BalancedBinningPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Fit_SmallTiedInputs_MatchesBruteForceOverAllContiguousGroupings()
        => Prop.ForAll(BinningGenerators.SmallTied(), input =>
        {
            var expected = BinningReference.BruteForce(input.Values, input.Bins);
            var cuts = Fit(input.Values, input.Bins, higherIsBetter: true);
            var radix = RfmBinning.FitBalanced(input.Values, input.Bins, higherIsBetter: true, allowCounting: false, maxBucketBits: 4);
            return cuts.Thresholds.SequenceEqual(expected) && radix.Thresholds.SequenceEqual(expected);
        });

    [Property(MaxTest = 200)]
    public Property Fit_MixedDoubles_HistogramPathsEqualExactDynamicProgramme()
        => Prop.ForAll(BinningGenerators.MixedDoubles(), input =>
        {
            var expected = BinningReference.Dynamic(input.Values, input.Bins);
            return new[] { 4, 8, 16 }.All(bits =>
                RfmBinning.FitBalanced(input.Values, input.Bins, higherIsBetter: true, allowCounting: false, maxBucketBits: bits)
                    .Thresholds.SequenceEqual(expected));
        });

    [Property(MaxTest = 30)]
    public Property Fit_ManyDistinctValues_HistogramPathsEqualExactDynamicProgramme()
        => Prop.ForAll(BinningGenerators.ManyDistinct(), input =>
        {
            var expected = BinningReference.Dynamic(input.Values, input.Bins);
            return new[] { 5, 16 }.All(bits =>
                RfmBinning.FitBalanced(input.Values, input.Bins, higherIsBetter: false, allowCounting: false, maxBucketBits: bits)
                    .Thresholds.SequenceEqual(expected));
        });

    [Property(MaxTest = 200)]
    public Property Fit_AnyInput_UsesExactlyMinOfKAndDistinctGroupsSpreadOverOneToK()
        => Prop.ForAll(BinningGenerators.MixedDoubles(), Gen.Elements(true, false).ToArbitrary(), (input, higherIsBetter) =>
        {
            var k = input.Bins;
            var d = BinningReference.Distinct(input.Values).Values.Length;
            var groups = Math.Min(k, d);
            var cuts = Fit(input.Values, k, higherIsBetter);
            var scores = Score(input.Values, cuts);
            var used = scores.Select(s => (int)s).Distinct().Order().ToArray();
            var expectedScores = Enumerable.Range(0, groups).Select(r => BinningReference.SpreadScore(r, groups, k)).ToArray();
            return (used.SequenceEqual(expectedScores)
                    && cuts.GroupScores.Count == groups
                    && cuts.Collapsed == (d < k)
                    && cuts.DistinctValues == Math.Min(d, k)
                    && (d < k || used.SequenceEqual(Enumerable.Range(1, k))))
                .Label($"used {string.Join(",", used)}; expected {string.Join(",", expectedScores)}");
        });

    [Property(MaxTest = 200)]
    public Property Fit_NoTies_GroupSizesAreFloorOrCeilingOfNOverK()
        => Prop.ForAll(Gen.Choose(2, 9).ToArbitrary(), Gen.Choose(1, 500).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (k, n, offset) =>
        {
            var values = Enumerable.Range(0, n).Select(i => (double)(((i * 7919) + offset) % 100_003)).Distinct().ToArray();
            var cuts = Fit(values, k, higherIsBetter: true);
            var sizes = Score(values, cuts).GroupBy(s => s).Select(g => g.Count()).ToArray();
            var m = values.Length;
            return m < k || sizes.All(s => s == m / k || s == (m + k - 1) / k);
        });

    [Property(MaxTest = 200)]
    public Property Fit_ShuffledInput_SameScorePerCustomer()
        => Prop.ForAll(BinningGenerators.MixedDoubles(), input =>
            Prop.ForAll(Gen.Shuffle(Enumerable.Range(0, input.Values.Length).ToArray()).ToArbitrary(), permutation =>
            {
                var original = Score(input.Values, Fit(input.Values, input.Bins, higherIsBetter: true));
                var shuffled = permutation.Select(i => input.Values[i]).ToArray();
                var shuffledScores = Score(shuffled, Fit(shuffled, input.Bins, higherIsBetter: true));
                return permutation.Select((from, to) => shuffledScores[to] == original[from]).All(x => x);
            }));

    [Property(MaxTest = 200)]
    public Property Fit_PositiveScaling_LeavesScoresUnchanged()
        => Prop.ForAll(BinningGenerators.SmallTied(), BinningGenerators.PositiveFactor().ToArbitrary(), (input, factor) =>
        {
            var scaled = input.Values.Select(v => v * factor).ToArray();
            return Score(input.Values, Fit(input.Values, input.Bins, higherIsBetter: true))
                .SequenceEqual(Score(scaled, Fit(scaled, input.Bins, higherIsBetter: true)));
        });

    [Property(MaxTest = 200)]
    public Property Fit_AnyInput_EqualValuesEqualScoresAndLargerNeverLower()
        => Prop.ForAll(BinningGenerators.MixedDoubles(), Gen.Elements(true, false).ToArbitrary(), (input, higherIsBetter) =>
        {
            var scores = Score(input.Values, Fit(input.Values, input.Bins, higherIsBetter));
            var order = Enumerable.Range(0, scores.Length).OrderBy(i => input.Values[i]).ToArray();
            for (var r = 1; r < order.Length; r++)
            {
                var (a, b) = (order[r - 1], order[r]);
                var ok = input.Values[a] == input.Values[b] ? scores[a] == scores[b]
                    : higherIsBetter ? scores[a] <= scores[b] : scores[a] >= scores[b];
                if (!ok)
                {
                    return false;
                }
            }

            return scores.All(s => s >= 1 && s <= input.Bins);
        });

    [Property(MaxTest = 100)]
    public Property Fit_SameInputTwice_SameCuts()
        => Prop.ForAll(BinningGenerators.MixedDoubles(), input =>
        {
            var first = Fit(input.Values, input.Bins, higherIsBetter: false);
            var second = Fit(input.Values, input.Bins, higherIsBetter: false);
            return first.Thresholds.SequenceEqual(second.Thresholds) && first.GroupScores.SequenceEqual(second.GroupScores);
        });

    [Property(MaxTest = 200)]
    public Property Score_FrozenCutsOnSuperset_OriginalCustomersKeepTheirScores()
        => Prop.ForAll(BinningGenerators.MixedDoubles(), BinningGenerators.MixedDoubles(), (fitted, added) =>
        {
            var cuts = Fit(fitted.Values, fitted.Bins, higherIsBetter: true);
            var superset = fitted.Values.Concat(added.Values).ToArray();
            var alone = Score(fitted.Values, cuts);
            var together = Score(superset, cuts);
            var min = fitted.Values.Min();
            var max = fitted.Values.Max();
            var lowest = cuts.GroupScores[0];
            var highest = cuts.GroupScores[^1];
            return together.Take(alone.Length).SequenceEqual(alone)
                && added.Values.Select((v, i) => v < min ? together[alone.Length + i] == lowest
                    : v > max ? together[alone.Length + i] == highest : true).All(x => x);
        });

    [Property(MaxTest = 200)]
    public Property Score_VectorAndScalarPaths_Agree()
        => Prop.ForAll(BinningGenerators.MixedDoubles(), input =>
        {
            var cuts = Fit(input.Values, input.Bins, higherIsBetter: false);
            var scores = Score(input.Values, cuts);
            return input.Values.Select((v, i) => cuts.GroupScores[cuts.Thresholds.Count(t => t <= v)] == scores[i]).All(x => x);
        });

    internal static RfmDimensionCuts Fit(double[] values, int k, bool higherIsBetter)
        => RfmBinning.Fit(values, [], k, BinningMethod.BalancedQuantiles, higherIsBetter);

    internal static byte[] Score(double[] values, RfmDimensionCuts cuts)
    {
        var scores = new byte[values.Length];
        RfmBinning.Score(values, [], cuts, scores);
        return scores;
    }
}
