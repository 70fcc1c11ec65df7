using System.Diagnostics.CodeAnalysis;
using CustomerValue.Clv;
using CustomerValue.LowValue;
using CustomerValue.Points;
using CustomerValue.Priority;
using CustomerValue.Rfm;
using CustomerValue.Tiers;

namespace CustomerValue;

/// <summary>The loaders of the built-in stage kinds, used by <see cref="FittedPipeline.FromJson"/>.</summary>
internal static class BuiltInStages
{
    private static readonly Dictionary<string, FittedStageLoader> Loaders = new(StringComparer.Ordinal)
    {
        [FittedRfmScoreStage.StageKind] = FittedRfmScoreStage.Load,
        [SegmentStage.StageKind] = SegmentStage.Load,
        [FittedValueTierStage.AbcKind] = FittedValueTierStage.LoaderFor(FittedValueTierStage.AbcKind),
        [FittedValueTierStage.PercentileKind] = FittedValueTierStage.LoaderFor(FittedValueTierStage.PercentileKind),
        [FittedValueTierStage.ThresholdKind] = FittedValueTierStage.LoaderFor(FittedValueTierStage.ThresholdKind),
        [SegmentTierStage.StageKind] = SegmentTierStage.Load,
        [RulePointsStage.StageKind] = RulePointsStage.Load,
        [ClvStage.StageKind] = FittedClvStage.Load,
        [FittedPriorityStage.StageKind] = FittedPriorityStage.Load,
        [PriorityRankStage.StageKind] = PriorityRankStage.Load,
        [FittedLowValueStage.StageKind] = FittedLowValueStage.Load,
    };

    public static bool TryGetLoader(string kind, [NotNullWhen(true)] out FittedStageLoader? loader)
        => Loaders.TryGetValue(kind, out loader);
}
