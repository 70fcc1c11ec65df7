using CustomerValue.Allocation.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerValue.Allocation.Tests;

[Properties(Arbitrary = [typeof(Generators)], MaxTest = 150)]
public sealed class PortfolioAllocatorPropertyTests
{
    private static AllocationPlan Allocate(GeneratedRun run) => PortfolioAllocator.Allocate(run.Customers, run.Managers, GeneratedRun.Policy, run.Options);

    [Property]
    public Property Allocate_AnyInput_NoManagerOverCapacity(GeneratedRun run)
    {
        var plan = Allocate(run);
        var weights = run.Options.WorkloadByTier;
        return plan.Portfolios.All(p =>
        {
            var ids = plan.Assignments.Where(a => a.ManagerId == p.ManagerId).Select(a => a.CustomerId).ToHashSet();
            var workload = run.Customers.Where(c => ids.Contains(c.Id)).Sum(c => weights[c.Tier]);
            return ids.Count == p.Customers
                && (p.MaxCustomers is null || p.Customers <= p.MaxCustomers)
                && (p.MaxWorkload is null || workload <= p.MaxWorkload + 1e-9);
        }).Label(run.ToString());
    }

    [Property]
    public Property Allocate_AnyInput_EveryManagedCustomerAssignedOrUnplacedWithReason(GeneratedRun run)
    {
        var plan = Allocate(run);
        var unplaced = plan.Unplaced.ToDictionary(u => u.CustomerId);
        var managed = run.Customers.Where(c => GeneratedRun.Policy.ServiceFor(c.Tier, c.Status) == ServicePolicy.DedicatedManager).Select(c => c.Id).ToHashSet();
        return plan.Assignments.Where(a => managed.Contains(a.CustomerId)).All(a => a.Kind switch
        {
            AssignmentKind.Manager => a.ManagerId is not null && !unplaced.ContainsKey(a.CustomerId),
            AssignmentKind.Unplaced => unplaced.TryGetValue(a.CustomerId, out var u) && u.Detail.Length > 0
                && (u.Reason != UnplacedReason.NoManagers || run.Managers.Length == 0),
            _ => false,
        }).And(unplaced.Keys.All(managed.Contains)).Label(run.ToString());
    }

    [Property]
    public Property Allocate_AnyInput_ChannelsReceiveExactlyThePolicysCustomers(GeneratedRun run)
    {
        var plan = Allocate(run);
        var expected = run.Customers.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => GeneratedRun.Policy.ServiceFor(c.Tier, c.Status)).Select(s => s == ServicePolicy.DedicatedManager ? null : s);
        return expected.SequenceEqual(plan.Assignments.Select(a => a.Channel)).Label(run.ToString());
    }

    [Property]
    public Property Allocate_CountCapacitiesOnlyAndEnoughRoom_NobodyUnplaced(GeneratedRun run)
    {
        var managers = run.Managers.Select(m => m with { MaxWorkload = null }).ToArray();
        var managed = run.Customers.Count(c => GeneratedRun.Policy.ServiceFor(c.Tier, c.Status) == ServicePolicy.DedicatedManager);
        var room = managers.Any(m => m.MaxCustomers is null) ? int.MaxValue : managers.Sum(m => m.MaxCustomers!.Value);
        var plan = PortfolioAllocator.Allocate(run.Customers, managers, GeneratedRun.Policy, run.Options);
        return (managers.Length == 0 || plan.Unplaced.Count == Math.Max(0, managed - room)).Label(run.ToString());
    }

    [Property]
    public Property Allocate_MaxMovesSet_VoluntaryMovesWithinTheCap(GeneratedRun run)
    {
        var plan = Allocate(run);
        var voluntary = plan.Moves.Count(m => m.Reason is MoveReason.SkillMatch or MoveReason.Rebalancing);
        return (run.MaxMoves is null || voluntary <= run.MaxMoves).Label(run.ToString());
    }

    // One solve is cheap, and over-capacity managers with workload limits are a small share of the generated runs.
    [Property(MaxTest = 1000)]
    public Property FlowSolve_KeepingCurrentCustomers_NoVoluntaryMoves(GeneratedRun run)
    {
        var objective = PortfolioAllocator.Builder(run.Customers, run.Managers, GeneratedRun.Policy, run.Options).Objective();
        var plan = FlowSolver.Solve(objective, (long)run.Options.MoveCost, relax: !objective.Problem.HasWorkloadLimits, keepCurrent: true);
        return (objective.Voluntary(plan) == 0).Label(run.ToString());
    }

    [Property]
    public Property Allocate_ReversedInput_SamePlan(GeneratedRun run)
    {
        var plan = Allocate(run);
        var reversed = PortfolioAllocator.Allocate([.. run.Customers.Reverse()], [.. run.Managers.Reverse()], GeneratedRun.Policy, run.Options);
        return (Build.Render(plan) == Build.Render(reversed)).Label(run.ToString());
    }

    [Property]
    public Property Allocate_AnyInput_MovesMatchTheChangedAssignments(GeneratedRun run)
    {
        var plan = Allocate(run);
        var known = run.Managers.Select(m => m.Id).ToHashSet();
        var changed = run.Customers
            .Join(plan.Assignments, c => c.Id, a => a.CustomerId, (c, a) => (c, a))
            .Where(x => x.a.Kind != AssignmentKind.Unplaced && (x.a.ManagerId != x.c.CurrentManagerId || (x.a.Channel is not null && x.c.CurrentManagerId is not null)))
            .Select(x => x.c.Id)
            .Order(StringComparer.Ordinal);
        return changed.SequenceEqual(plan.Moves.Select(m => m.CustomerId)).Label(run.ToString());
    }
}
