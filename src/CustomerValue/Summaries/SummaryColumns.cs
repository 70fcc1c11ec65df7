using System.Runtime.CompilerServices;

namespace CustomerValue;

/// <summary>The output columns of the summaries, filled row by row.</summary>
internal sealed class SummaryColumns(int rows)
{
    public double[] RecencyDays { get; } = new double[rows];
    public double[] Frequency { get; } = new double[rows];
    public double[] Monetary { get; } = new double[rows];
    public double[] Orders { get; } = new double[rows];
    public double[] Revenue { get; } = new double[rows];
    public double[] TenureDays { get; } = new double[rows];
    public double[] ModelFrequency { get; } = new double[rows];
    public double[] ModelRecency { get; } = new double[rows];
    public double[] ModelT { get; } = new double[rows];
    public double[] ModelMonetary { get; } = new double[rows];
    public double[] WindowSpend { get; } = new double[rows];
    public double[] PreviousWindowSpend { get; } = new double[rows];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(int row, in SummaryRow values)
    {
        RecencyDays[row] = values.RecencyDays;
        Frequency[row] = values.Frequency;
        Monetary[row] = values.Monetary;
        Orders[row] = values.Orders;
        Revenue[row] = values.Revenue;
        TenureDays[row] = values.TenureDays;
        ModelFrequency[row] = values.ModelFrequency;
        ModelRecency[row] = values.ModelRecency;
        ModelT[row] = values.ModelT;
        ModelMonetary[row] = values.ModelMonetary;
        WindowSpend[row] = values.WindowSpend;
        PreviousWindowSpend[row] = values.PreviousWindowSpend;
    }

    public IEnumerable<FrameColumn> ToColumns() =>
    [
        new NumericColumn(ColumnNames.RecencyDays, RecencyDays, owned: true),
        new NumericColumn(ColumnNames.Frequency, Frequency, owned: true),
        new NumericColumn(ColumnNames.Monetary, Monetary, owned: true),
        new NumericColumn(ColumnNames.Orders, Orders, owned: true),
        new NumericColumn(ColumnNames.Revenue, Revenue, owned: true),
        new NumericColumn(ColumnNames.TenureDays, TenureDays, owned: true),
        new NumericColumn(ColumnNames.ModelFrequency, ModelFrequency, owned: true),
        new NumericColumn(ColumnNames.ModelRecency, ModelRecency, owned: true),
        new NumericColumn(ColumnNames.ModelT, ModelT, owned: true),
        new NumericColumn(ColumnNames.ModelMonetary, ModelMonetary, owned: true),
        new NumericColumn(ColumnNames.WindowSpend, WindowSpend, owned: true),
        new NumericColumn(ColumnNames.PreviousWindowSpend, PreviousWindowSpend, owned: true),
    ];
}
