using System.Runtime.CompilerServices;

namespace CustomerValue;

/// <summary>
/// The output columns of the summaries, filled row by row; every row is set, so the arrays start uninitialised (no
/// clearing of 96 bytes a customer). A column that equals another under the options shares its array: frequency is
/// the orders unless it counts purchase days, monetary the revenue unless it is the average order, and the model's T
/// the tenure in days unless the model period is the week. On a large import that is a quarter less fresh memory.
/// </summary>
internal sealed class SummaryColumns
{
    public SummaryColumns(int rows, in SummarySettings settings)
    {
        RecencyDays = GC.AllocateUninitializedArray<double>(rows);
        Orders = GC.AllocateUninitializedArray<double>(rows);
        Frequency = settings.CountPurchaseDays ? GC.AllocateUninitializedArray<double>(rows) : Orders;
        Revenue = GC.AllocateUninitializedArray<double>(rows);
        Monetary = settings.AverageOrderValue ? GC.AllocateUninitializedArray<double>(rows) : Revenue;
        TenureDays = GC.AllocateUninitializedArray<double>(rows);
        ModelFrequency = GC.AllocateUninitializedArray<double>(rows);
        ModelRecency = GC.AllocateUninitializedArray<double>(rows);
        ModelT = settings.Weekly ? GC.AllocateUninitializedArray<double>(rows) : TenureDays;
        ModelMonetary = GC.AllocateUninitializedArray<double>(rows);
        WindowSpend = GC.AllocateUninitializedArray<double>(rows);
        PreviousWindowSpend = GC.AllocateUninitializedArray<double>(rows);
    }

    public double[] RecencyDays { get; }

    public double[] Frequency { get; }

    public double[] Monetary { get; }

    public double[] Orders { get; }

    public double[] Revenue { get; }

    public double[] TenureDays { get; }

    public double[] ModelFrequency { get; }

    public double[] ModelRecency { get; }

    public double[] ModelT { get; }

    public double[] ModelMonetary { get; }

    public double[] WindowSpend { get; }

    public double[] PreviousWindowSpend { get; }

    /// <summary>Writes a row; a shared column's value is its twin's, written once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(int row, in SummaryRow values)
    {
        RecencyDays[row] = values.RecencyDays;
        Orders[row] = values.Orders;
        Revenue[row] = values.Revenue;
        TenureDays[row] = values.TenureDays;
        ModelFrequency[row] = values.ModelFrequency;
        ModelRecency[row] = values.ModelRecency;
        ModelMonetary[row] = values.ModelMonetary;
        WindowSpend[row] = values.WindowSpend;
        PreviousWindowSpend[row] = values.PreviousWindowSpend;
        if (Frequency != Orders)
        {
            Frequency[row] = values.Frequency;
        }

        if (Monetary != Revenue)
        {
            Monetary[row] = values.Monetary;
        }

        if (ModelT != TenureDays)
        {
            ModelT[row] = values.ModelT;
        }
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
