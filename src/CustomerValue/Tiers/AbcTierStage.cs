namespace CustomerValue.Tiers;

/// <summary>The ABC tier stage before fitting; it copies its options, so later edits cannot leak in.</summary>
internal sealed class AbcTierStage(AbcTierOptions options) : ICustomerStage
{
    private readonly AbcTierOptions _options = options with { };

    public string Name => _options.Name;

    public IReadOnlyList<string> RequiredColumns { get; } = [options.ValueColumn];

    public IReadOnlyList<string> ProducedColumns { get; } = [options.OutputColumn];

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        var input = NumericInput.Read(population, _options.ValueColumn, Name, nameof(AbcTierOptions.ValueColumn));
        var thresholds = ShareThresholds.Fit(input, population.CustomerIds, [_options.ACutoff, _options.BCutoff], Name, _options.ValueColumn);
        return new FittedValueTierStage(
            FittedValueTierStage.AbcKind,
            Name,
            _options.ValueColumn,
            _options.OutputColumn,
            [_options.ATier, _options.BTier],
            thresholds,
            _options.CTier,
            _options.ValuelessTier,
            [new("a cut-off", FittedValueTierStage.Text(_options.ACutoff)), new("b cut-off", FittedValueTierStage.Text(_options.BCutoff))]);
    }
}
