using Xunit;

namespace CustomerValue.Allocation.Tests;

public sealed class AllocationPlanManagerColumnTests
{
    [Fact]
    public void ManagerColumn_Plan_GivesEachRowItsPlannedManagerAndFeedsTheKpis()
    {
        // c1 stays with M2, c2 is new and goes to M1 (the only manager with room), c3 goes to the automated channel, c4
        // cannot be placed, c5 is not in the plan.
        var customers = new[]
        {
            Build.Customer(1, current: "M2", priority: 0.9),
            Build.Customer(2, priority: 0.8),
            Build.Customer(3, tier: "C"),
            Build.Customer(4, priority: 0.1),
        };
        var plan = PortfolioAllocator.Allocate(
            customers,
            [Build.Mgr(1, maxCustomers: 1), Build.Mgr(2, maxCustomers: 1)],
            new ServicePolicy { ServiceByTier = new Dictionary<string, string>(StringComparer.Ordinal) { ["C"] = "automated" } },
            Build.NoCosts with { MoveCost = 30 });
        var frame = CustomerFrame.Create(
            [Build.Id(5), Build.Id(4), Build.Id(3), Build.Id(2), Build.Id(1)],
            [
                new CategoryColumn(ColumnNames.Tier, ["A", "A", "C", "A", "A"]),
                new NumericColumn(ColumnNames.Revenue, [1.0, 2, 3, 4, 5]),
                new CategoryColumn(ColumnNames.Quadrant, [PriorityQuadrants.Monitor, PriorityQuadrants.Monitor, PriorityQuadrants.Monitor, PriorityQuadrants.ActNow, PriorityQuadrants.Monitor]),
            ]);

        var column = plan.ManagerColumn(frame);

        Assert.Equal([Build.Id(4)], plan.Unplaced.Select(u => u.CustomerId));

        Assert.Equal("planned_manager", column.Name);
        Assert.Equal(["M1", "M2"], column.Categories);
        Assert.Equal([null, null, null, "M1", "M2"], Enumerable.Range(0, frame.Count).Select(i => column[i]));
        var kpis = ManagerKpis.Create(frame.AddColumns(column), new ManagerKpiOptions { ManagerColumn = column.Name });
        Assert.Equal([("M1", 1, 4.0, 1), ("M2", 1, 5.0, 0)], kpis.Rows.Select(r => (r.Manager, r.Customers, r.Value, r.ActNow)));
        Assert.Equal(3, kpis.UnassignedCustomers);
    }
}
