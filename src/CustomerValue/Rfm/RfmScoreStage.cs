using CustomerValue.Internal;

namespace CustomerValue.Rfm;

/// <summary>The RFM scoring stage before fitting: it copies its options, so later edits cannot leak in.</summary>
internal sealed class RfmScoreStage : ICustomerStage
{
    private readonly RfmScoreOptions _options;
    private readonly RfmDimensionCuts?[] _fixedCuts;

    public RfmScoreStage(RfmScoreOptions options, RfmDimensionCuts?[] fixedCuts)
    {
        _options = options with
        {
            RecencyCutPoints = options.RecencyCutPoints?.ToArray(),
            FrequencyCutPoints = options.FrequencyCutPoints?.ToArray(),
            MonetaryCutPoints = options.MonetaryCutPoints?.ToArray(),
        };
        _fixedCuts = fixedCuts;
        RequiredColumns = [options.RecencyColumn, options.FrequencyColumn, options.MonetaryColumn];
    }

    public string Name => _options.Name;

    public int Bins => _options.Bins;

    public IReadOnlyList<string> RequiredColumns { get; }

    public IReadOnlyList<string> ProducedColumns => FittedRfmScoreStage.Outputs;

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        var ids = population.IdArray;
        var recency = FiniteColumn.Require(population, _options.RecencyColumn, FittedRfmScoreStage.FiniteRemedy);
        var frequency = FiniteColumn.Require(population, _options.FrequencyColumn, FittedRfmScoreStage.FiniteRemedy);
        var monetary = FiniteColumn.Require(population, _options.MonetaryColumn, FittedRfmScoreStage.FiniteRemedy);
        var cuts = (RfmDimensionCuts[])_fixedCuts.Clone();

        // The three dimensions are independent: fit them side by side on large populations.
        Action[] fits =
        [
            () => cuts[0] ??= RfmBinning.Fit(recency.Values, ids, _options.Bins, _options.Method, higherIsBetter: false),
            () => cuts[1] ??= RfmBinning.Fit(frequency.Values, ids, _options.Bins, _options.Method, higherIsBetter: true),
            () => cuts[2] ??= RfmBinning.Fit(monetary.Values, ids, _options.Bins, _options.Method, higherIsBetter: true),
        ];
        if (population.Count >= FittedRfmScoreStage.ParallelThreshold)
        {
            Parallel.Invoke(fits);
        }
        else
        {
            Array.ForEach(fits, fit => fit());
        }

        return new FittedRfmScoreStage(_options, cuts[0], cuts[1], cuts[2]);
    }
}
