using System.Globalization;
using System.Text;

namespace CustomerValue.Allocation.Tests;

/// <summary>Short constructors for test inputs, and a text rendering of a plan for equality checks.</summary>
internal static class Build
{
    public static readonly ServicePolicy AllManaged = new();

    /// <summary>Options with every objective term off, so a test can switch on the one it checks.</summary>
    public static readonly AllocationOptions NoCosts = new()
    {
        IndustryMismatchCost = 0,
        RegionMismatchCost = 0,
        SeniorityMismatchCost = 0,
        BalanceCost = 0,
        MoveCost = 0,
    };

    public static string Id(int i) => "C" + i.ToString("00", CultureInfo.InvariantCulture);

    public static string Manager(int m) => "M" + m.ToString(CultureInfo.InvariantCulture);

    public static AllocationCustomer Customer(int i, string? industry = null, double priority = 0.5, string? current = null, string tier = "A", string? status = null, string? region = null, double value = 100)
        => new(Id(i), tier, status, priority, value, industry, region, current);

    public static AccountManager Mgr(int m, int? maxCustomers = null, string[]? industries = null, int seniority = 1, double? maxWorkload = null, string[]? regions = null)
        => new(Manager(m), maxCustomers, maxWorkload, industries ?? [], regions ?? [], seniority);

    public static Dictionary<string, string> ManagerById(AllocationPlan plan)
        => plan.Assignments.Where(a => a.ManagerId is not null).ToDictionary(a => a.CustomerId, a => a.ManagerId!, StringComparer.Ordinal);

    public static string Render(AllocationPlan plan)
    {
        var text = new StringBuilder();
        foreach (var a in plan.Assignments)
        {
            text.Append(CultureInfo.InvariantCulture, $"{a.CustomerId}:{a.Kind}:{a.ManagerId}:{a.Channel};");
        }

        foreach (var m in plan.Moves)
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.CustomerId}>{m.FromManagerId}>{m.ToManagerId}>{m.ToChannel}>{m.Reason};");
        }

        foreach (var u in plan.Unplaced)
        {
            text.Append(CultureInfo.InvariantCulture, $"{u.CustomerId}!{u.Reason}!{u.Detail};");
        }

        foreach (var p in plan.Portfolios)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.ManagerId}#{p.Customers}#{p.Value}#{p.Workload}#{string.Join(",", p.CustomersByTier)};");
        }

        return text.Append(CultureInfo.InvariantCulture, $"{plan.Cost}/{plan.EffectiveMoveCost}").ToString();
    }
}
