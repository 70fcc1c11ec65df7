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
        var cuts = (RfmDimensionCuts[])_fixedCuts.Clone();
        string[] columns = [_options.RecencyColumn, _options.FrequencyColumn, _options.MonetaryColumn];

        // The three dimensions are independent: fit them side by side on large populations. The histogram the quantile
        // methods build finds a value that is not finite in its first pass; only then is the column searched for the
        // customer to name. Ntile (a sort) and fixed cut points (no fit; their scores will need finite values) check first.
        Action Fit(int d) => () =>
        {
            if (cuts[d] is not null || _options.Method == BinningMethod.Ntile)
            {
                var values = FiniteColumn.Require(population, columns[d], FittedRfmScoreStage.FiniteRemedy).Memory;
                cuts[d] ??= RfmBinning.Fit(values, population.IdArray, _options.Bins, _options.Method, higherIsBetter: d != 0);
                return;
            }

            try
            {
                cuts[d] = RfmBinning.Fit(population.GetNumeric(columns[d]).Memory, [], _options.Bins, _options.Method, higherIsBetter: d != 0);
            }
            catch (NotFiniteException)
            {
                FiniteColumn.Require(population, columns[d], FittedRfmScoreStage.FiniteRemedy);
                throw;
            }
        };

        Ranges.Invoke(Ranges.IsSplit(population.Count), Fit(0), Fit(1), Fit(2));
        return new FittedRfmScoreStage(_options, cuts[0], cuts[1], cuts[2]);
    }
}
