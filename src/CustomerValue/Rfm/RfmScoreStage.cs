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
        var cuts = (RfmDimensionCuts[])_fixedCuts.Clone();
        string[] columns = [_options.RecencyColumn, _options.FrequencyColumn, _options.MonetaryColumn];

        // The three dimensions are independent: fit them side by side on large populations (the finiteness check too,
        // a pass per column). A dimension with fixed cut points is still checked, as its scores will need finite values.
        Action Fit(int d) => () =>
        {
            var values = FiniteColumn.Require(population, columns[d], FittedRfmScoreStage.FiniteRemedy).Memory;
            cuts[d] ??= RfmBinning.Fit(values, ids, _options.Bins, _options.Method, higherIsBetter: d != 0);
        };

        Ranges.Invoke(Ranges.IsSplit(population.Count), Fit(0), Fit(1), Fit(2));
        return new FittedRfmScoreStage(_options, cuts[0], cuts[1], cuts[2]);
    }
}
