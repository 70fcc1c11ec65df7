using CustomerValue.Internal;
namespace CustomerValue.Priority;

/// <summary>The priority stage before fitting: it holds a copy of its options, so later edits cannot leak in.</summary>
internal sealed class PriorityStage(PriorityOptions options) : ICustomerStage
{
    private readonly PriorityOptions _options = options with { };

    public string Name => _options.Name;

    // Optional attributes (complaints, satisfaction, P(alive)) are read only when present, so they are not required.
    public IReadOnlyList<string> RequiredColumns { get; } =
        [options.ValueColumn, ColumnNames.RecencyDays, ColumnNames.TenureDays, ColumnNames.Orders];

    public IReadOnlyList<string> ProducedColumns => FittedPriorityStage.Outputs;

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        var value = population.GetNumeric(_options.ValueColumn);
        var recency = population.GetNumeric(ColumnNames.RecencyDays);
        var tenure = population.GetNumeric(ColumnNames.TenureDays);
        var orders = population.GetNumeric(ColumnNames.Orders);
        PercentileTable? table = null;
        var median = double.NaN;
        Ranges.Invoke(
            Ranges.IsSplit(population.Count),
            () => table = FitTable(population, value),
            () => median = UrgencyFactors.MedianInterval(recency, tenure, orders, parallel: false));

        return new FittedPriorityStage(_options, table!, median);
    }

    // The table's histogram finds a value that is not finite in its first pass; only then is the column searched for
    // the customer to name.
    private PercentileTable FitTable(CustomerFrame population, NumericColumn value)
    {
        try
        {
            return PercentileTable.Fit(value.Memory);
        }
        catch (NotFiniteException)
        {
            FittedPriorityStage.RequireFinite(population, _options.ValueColumn);
            throw;
        }
    }
}
