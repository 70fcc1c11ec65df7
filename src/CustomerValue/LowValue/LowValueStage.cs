using CustomerValue.Tiers;
using CustomerValue.Internal;
namespace CustomerValue.LowValue;

/// <summary>The low-value stage before fitting: it holds a copy of its options, so later edits cannot leak in.</summary>
internal sealed class LowValueStage : ICustomerStage
{
    private readonly LowValueOptions _options;

    public LowValueStage(LowValueOptions options)
    {
        _options = options with { };
        var required = new List<string> { options.ValueColumn, ColumnNames.TenureDays };
        AddIf(required, options.MaxOrders is not null, ColumnNames.Orders);
        AddIf(required, options.InactiveDays is not null, ColumnNames.RecencyDays);
        AddIf(required, options.MaxInteractions is not null, ColumnNames.Interactions);
        AddIf(required, options.MinComplaints is not null, ColumnNames.Complaints);
        AddIf(required, options.MaxSatisfaction is not null, ColumnNames.Satisfaction);
        RequiredColumns = [.. required];
    }

    public string Name => _options.Name;

    // Growth and potential columns are read when present, so they are not required.
    public IReadOnlyList<string> RequiredColumns { get; }

    public IReadOnlyList<string> ProducedColumns => FittedLowValueStage.Outputs;

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        var threshold = _options.BottomValueShare is { } share
            ? ShareThresholds.Bottom(NumericInput.Of(population.GetNumeric(_options.ValueColumn)), share)
            : double.NaN;
        return new FittedLowValueStage(_options, threshold);
    }

    private static void AddIf(List<string> columns, bool condition, string column)
    {
        if (condition && !columns.Contains(column, StringComparer.Ordinal))
        {
            columns.Add(column);
        }
    }
}
