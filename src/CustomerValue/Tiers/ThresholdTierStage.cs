namespace CustomerValue.Tiers;

/// <summary>The threshold tier stage before fitting: the thresholds are fixed, so fitting only freezes a copy.</summary>
internal sealed class ThresholdTierStage(ThresholdTierOptions options) : ICustomerStage
{
    private readonly FittedValueTierStage _fitted = new(
        FittedValueTierStage.ThresholdKind,
        options.Name,
        options.ValueColumn,
        options.OutputColumn,
        [.. options.Tiers.Select(t => t.Name)],
        [.. options.Tiers.Select(t => t.MinValue)],
        options.RestTier,
        null,
        []);

    public string Name => _fitted.Name;

    public IReadOnlyList<string> RequiredColumns { get; } = [options.ValueColumn];

    public IReadOnlyList<string> ProducedColumns => _fitted.ProducedColumns;

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        // Reading the column checks its kind now rather than at the first score.
        _ = NumericInput.Read(population, RequiredColumns[0], Name, nameof(ThresholdTierOptions.ValueColumn));
        return _fitted;
    }
}
