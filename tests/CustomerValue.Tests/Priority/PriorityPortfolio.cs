using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests.Priority;

/// <summary>The hand-checked portfolio of the priority tests and a bounded generator of populations with many ties.</summary>
internal static class PriorityPortfolio
{
    // id, revenue, recency_days, tenure_days, orders. Rhythm intervals (tenure - recency) / (orders - 1):
    // A 50, B 50, C 30, E 10 -> lower median 30 for the one-time buyers D and F.
    public static CustomerFrame Frame(params FrameColumn[] extra)
        => CustomerFrame.Create(["A", "B", "C", "D", "E", "F"],
        [
            new NumericColumn(ColumnNames.Revenue, [100.0, 100, 50, 400, 0, 50]),
            new NumericColumn(ColumnNames.RecencyDays, [10.0, 200, 60, 40, 5, 100]),
            new NumericColumn(ColumnNames.TenureDays, [110.0, 300, 90, 40, 45, 100]),
            new NumericColumn(ColumnNames.Orders, [3.0, 3, 2, 1, 5, 1]),
            .. extra,
        ]);

    public static CustomerFrame WithAttributes()
        => Frame(
            new NumericColumn(ColumnNames.Complaints, [0.0, 3, double.NaN, 1, 0, 0]),
            new NumericColumn(ColumnNames.Satisfaction, [9.0, 2, 5, double.NaN, 10, 7]));

    public static CustomerPipeline Pipeline(PriorityOptions? options = null, bool rank = false)
    {
        var builder = new CustomerPipelineBuilder()
            .WithInputColumns(ColumnNames.Complaints, ColumnNames.Satisfaction, ColumnNames.AccountManager, "p_alive")
            .AddPriority(options);
        return (rank ? builder.AddPriorityRank() : builder).Build();
    }

    /// <summary>1..60 customers: revenue in steps of 5 (many ties), tenure >= recency, 1..5 orders, complaints 0..4, managers M0..M3 or none.</summary>
    public static Gen<CustomerFrame> Population(int maxCustomers = 60) =>
        from n in Gen.Choose(1, maxCustomers)
        from revenue in Gen.ArrayOf(Gen.Choose(0, 12), n)
        from recency in Gen.ArrayOf(Gen.Choose(0, 60), n)
        from extraTenure in Gen.ArrayOf(Gen.Choose(0, 120), n)
        from orders in Gen.ArrayOf(Gen.Choose(1, 5), n)
        from complaints in Gen.ArrayOf(Gen.Choose(0, 4), n)
        from managers in Gen.ArrayOf(Gen.Choose(-1, 3), n)
        select CustomerFrame.Create(
            Enumerable.Range(0, n).Select(i => "C" + ((i * 7919) % 1000).ToString("D3", CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture)),
            [
                new NumericColumn(ColumnNames.Revenue, revenue.Select(r => r * 5.0)),
                new NumericColumn(ColumnNames.RecencyDays, recency.Select(r => (double)r)),
                new NumericColumn(ColumnNames.TenureDays, recency.Zip(extraTenure, (r, e) => (double)(r + e))),
                new NumericColumn(ColumnNames.Orders, orders.Select(o => (double)o)),
                new NumericColumn(ColumnNames.Complaints, complaints.Select(c => (double)c)),
                new TextColumn(ColumnNames.AccountManager, managers.Select(m => m < 0 ? null : "M" + m.ToString(CultureInfo.InvariantCulture))),
            ]);

    public static CustomerFrame Shuffle(CustomerFrame frame, int seed)
    {
        var order = Enumerable.Range(0, frame.Count).ToArray();
        new Random(seed).Shuffle(order);
        return frame.Select(order);
    }

    public static string Render(CustomerFrame frame)
        => string.Join('\n', frame.Rows().Select(r => r.CustomerId + ":" + string.Join(',', frame.Columns.Select(c => c.FormatValue(r.Index)))));
}
