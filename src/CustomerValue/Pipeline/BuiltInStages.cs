using System.Diagnostics.CodeAnalysis;
using CustomerValue.LowValue;
using CustomerValue.Priority;
using CustomerValue.Rfm;

namespace CustomerValue;

/// <summary>The loaders of the built-in stage kinds, used by <see cref="FittedPipeline.FromJson"/>.</summary>
internal static class BuiltInStages
{
    private static readonly Dictionary<string, FittedStageLoader> Loaders = new(StringComparer.Ordinal)
    {
        [FittedRfmScoreStage.StageKind] = FittedRfmScoreStage.Load,
        [SegmentStage.StageKind] = SegmentStage.Load,
        [FittedPriorityStage.StageKind] = FittedPriorityStage.Load,
        [PriorityRankStage.StageKind] = PriorityRankStage.Load,
        [FittedLowValueStage.StageKind] = FittedLowValueStage.Load,
    };

    public static bool TryGetLoader(string kind, [NotNullWhen(true)] out FittedStageLoader? loader)
        => Loaders.TryGetValue(kind, out loader);
}
