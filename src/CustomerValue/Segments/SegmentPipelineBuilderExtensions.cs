using CustomerValue.Internal;
using CustomerValue.Rfm;

namespace CustomerValue;

/// <summary>Adds the segment stage to a pipeline.</summary>
public static class SegmentPipelineBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="ColumnNames.Segment"/> column: each customer's segment from their R, F and M scores under
    /// <paramref name="map"/>. Every customer gets exactly one segment.
    /// </summary>
    /// <param name="builder">The builder; an RFM stage must come earlier.</param>
    /// <param name="map">The segment map; <see langword="null"/> for <see cref="SegmentMap.Default"/>.</param>
    /// <param name="name">The stage name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">The map's bins differ from the earlier RFM stage's bins.</exception>
    public static CustomerPipelineBuilder AddSegments(this CustomerPipelineBuilder builder, SegmentMap? map = null, string name = "segments")
    {
        ArgumentNullException.ThrowIfNull(builder);
        Guard.NotBlank(name);
        map ??= SegmentMap.Default;
        var rfm = builder.Stages.OfType<RfmScoreStage>().LastOrDefault();
        if (rfm is not null && rfm.Bins != map.Bins)
        {
            throw new ArgumentException(Guard.Invariant(
                $"The segment map is defined for {map.Bins} bins but stage '{rfm.Name}' scores 1..{rfm.Bins}; set RfmScoreOptions.Bins = {map.Bins} or use a map for {rfm.Bins} bins."), nameof(map));
        }

        return builder.AddStage(new SegmentStage(name, map));
    }
}
