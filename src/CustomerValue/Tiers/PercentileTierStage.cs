namespace CustomerValue.Tiers;

/// <summary>The count-percentile tier stage before fitting; it copies its options, so later edits cannot leak in.</summary>
internal sealed class PercentileTierStage(PercentileTierOptions options) : ICustomerStage
{
    private readonly PercentileTierOptions _options = options with { Tiers = [.. options.Tiers] };

    public string Name => _options.Name;

    public IReadOnlyList<string> RequiredColumns { get; } = [options.ValueColumn];

    public IReadOnlyList<string> ProducedColumns { get; } = [options.OutputColumn];

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        var input = NumericInput.Read(population, _options.ValueColumn, Name, nameof(PercentileTierOptions.ValueColumn));

        // Decimal shares keep 0.1 + 0.2 at exactly 0.3, so a band edge at a whole number of customers stays there.
        var cumulative = new decimal[_options.Tiers.Count];
        var total = 0m;
        for (var k = 0; k < cumulative.Length; k++)
        {
            total += (decimal)_options.Tiers[k].Share;
            cumulative[k] = Math.Min(total, 1m);
        }

        var thresholds = CountThresholds.Fit(input, population.CustomerIds, cumulative, Name, _options.ValueColumn);
        return new FittedValueTierStage(
            FittedValueTierStage.PercentileKind,
            Name,
            _options.ValueColumn,
            _options.OutputColumn,
            [.. _options.Tiers.Select(t => t.Name)],
            thresholds,
            _options.RestTier,
            null,
            [new("shares", string.Join(", ", _options.Tiers.Select(t => t.Name + " " + FittedValueTierStage.Text(t.Share))))]);
    }
}
