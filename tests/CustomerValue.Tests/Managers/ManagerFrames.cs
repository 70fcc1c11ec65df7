using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests.Managers;

/// <summary>Scored-frame builders for the manager KPI tests: the columns a tier stage and the priority stage write, plus attributes.</summary>
internal static class ManagerFrames
{
    public static readonly string[] Tiers = ["A", "B", "C", "Valueless"];

    public const string AN = PriorityQuadrants.ActNow;
    public const string NU = PriorityQuadrants.Nurture;
    public const string LT = PriorityQuadrants.LowTouch;
    public const string MO = PriorityQuadrants.Monitor;

    public const double NaN = double.NaN;

    /// <summary>Builds a frame from rows of id, manager, tier, revenue, quadrant, complaints, satisfaction.</summary>
    public static CustomerFrame Scored(params (string Id, string? Manager, string? Tier, double Revenue, string Quadrant, double Complaints, double Satisfaction)[] rows)
        => CustomerFrame.Create(rows.Select(r => r.Id),
        [
            new TextColumn(ColumnNames.AccountManager, rows.Select(r => r.Manager)),
            new CategoryColumn(ColumnNames.Tier, rows.Select(r => r.Tier), Tiers),
            new NumericColumn(ColumnNames.Revenue, rows.Select(r => r.Revenue)),
            new CategoryColumn(ColumnNames.Quadrant, rows.Select(r => (string?)r.Quadrant), [AN, NU, LT, MO]),
            new NumericColumn(ColumnNames.Complaints, rows.Select(r => r.Complaints)),
            new NumericColumn(ColumnNames.Satisfaction, rows.Select(r => r.Satisfaction)),
        ]);

    /// <summary>Builds a two-snapshot frame from rows of id, manager, tier, revenue.</summary>
    public static CustomerFrame Snapshot(params (string Id, string? Manager, string? Tier, double Revenue)[] rows)
        => CustomerFrame.Create(rows.Select(r => r.Id),
        [
            new TextColumn(ColumnNames.AccountManager, rows.Select(r => r.Manager)),
            new CategoryColumn(ColumnNames.Tier, rows.Select(r => r.Tier), Tiers),
            new NumericColumn(ColumnNames.Revenue, rows.Select(r => r.Revenue)),
        ]);

    public static CustomerFrame Shuffle(CustomerFrame frame, int seed)
    {
        var order = Enumerable.Range(0, frame.Count).ToArray();
        new Random(seed).Shuffle(order);
        return frame.Select(order);
    }

    /// <summary>
    /// 0..60 customers over managers M0..M5 or none, tiers or none, whole-number revenue -20..200 or missing, quadrants,
    /// complaints 0..4 or missing, satisfaction 0..10 or missing. Whole numbers keep every sum exact in any order.
    /// </summary>
    public static Gen<CustomerFrame> Population() =>
        from n in Gen.Choose(0, 60)
        from managers in Gen.Choose(-1, 5).ArrayOf(n)
        from tiers in Gen.Choose(-1, Tiers.Length - 1).ArrayOf(n)
        from revenue in Gen.Choose(-21, 200).ArrayOf(n)
        from quadrants in Gen.Choose(0, 3).ArrayOf(n)
        from complaints in Gen.Choose(-1, 4).ArrayOf(n)
        from satisfaction in Gen.Choose(-1, 10).ArrayOf(n)
        select CustomerFrame.Create(
            Enumerable.Range(0, n).Select(Id),
            [
                new TextColumn(ColumnNames.AccountManager, managers.Select(m => m < 0 ? null : "M" + m.ToString(CultureInfo.InvariantCulture))),
                new CategoryColumn(ColumnNames.Tier, tiers.Select(t => t < 0 ? null : Tiers[t]), Tiers),
                new NumericColumn(ColumnNames.Revenue, revenue.Select(r => r == -21 ? NaN : r)),
                new CategoryColumn(ColumnNames.Quadrant, quadrants.Select(q => (string?)PriorityQuadrants.All[q]), PriorityQuadrants.All),
                new NumericColumn(ColumnNames.Complaints, complaints.Select(c => c < 0 ? NaN : c)),
                new NumericColumn(ColumnNames.Satisfaction, satisfaction.Select(s => s < 0 ? NaN : s)),
            ]);

    public static string Id(int i) => "C" + i.ToString("D3", CultureInfo.InvariantCulture);
}
