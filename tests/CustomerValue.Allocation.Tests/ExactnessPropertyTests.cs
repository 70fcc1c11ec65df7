using CustomerValue.Allocation.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerValue.Allocation.Tests;

/// <summary>
/// The plan's objective against the exact optimum of <see cref="ExactReference"/> on small random instances (at most 5
/// managers, 40 customers): the flow alone where it claims exactness, CP-SAT where side constraints break the network,
/// and the bound every plan reports where neither proves optimality.
/// </summary>
[Properties(Arbitrary = [typeof(SmallGenerators)], MaxTest = 100)]
public sealed class ExactnessPropertyTests
{
    private static readonly AllocationOptions FlowOnly = new() { SolverTimeLimit = TimeSpan.Zero };

    private static (AllocationPlan Plan, AllocationObjective Objective, long Optimum, string Report) Run(GeneratedRun run, AccountManager[] managers, AllocationOptions options)
    {
        var plan = PortfolioAllocator.Allocate(run.Customers, managers, GeneratedRun.Policy, options);
        var objective = PortfolioAllocator.Builder(run.Customers, managers, GeneratedRun.Policy, options).Objective();
        var (optimum, reference) = ExactReference.Solve(objective, options.MaxMoves, run.ToString());
        if (objective.Value(reference, options.MoveCost) != optimum)
        {
            throw new InvalidOperationException("The reference's CP-SAT objective and AllocationObjective.Evaluate disagree on the reference's plan.");
        }

        var (cost, penalty) = objective.Evaluate(ExactReference.ManagerOf(objective, plan, managers), options.MoveCost);
        var consistent = cost == plan.Cost && cost + penalty == plan.Objective;
        return (plan, objective, optimum, $"{run} | consistent {consistent}: objective {plan.Objective} bound {plan.ObjectiveBound} {plan.Optimality}, optimum {optimum}");
    }

    private static AllocationOptions Options(GeneratedRun run, AllocationOptions with, bool cap)
        => run.Options with { MaxMoves = cap ? run.MaxMoves : null, SolverTimeLimit = with.SolverTimeLimit };

    private static bool Consistent((AllocationPlan Plan, AllocationObjective Objective, long Optimum, string Report) r) => r.Report.Contains("consistent True", StringComparison.Ordinal);

    private static AccountManager[] CountOnly(GeneratedRun run) => [.. run.Managers.Select(m => m with { MaxWorkload = null })];

    private static AccountManager[] WithWorkload(GeneratedRun run) => [.. run.Managers.Select((m, k) => m with { MaxWorkload = m.MaxWorkload ?? (3 + (2.5 * k)) })];

    [Property]
    public Property Allocate_CountCapacitiesFlowOnly_OptimalAndEqualToTheExactOptimum(GeneratedRun run)
    {
        var r = Run(run, CountOnly(run), Options(run, FlowOnly, cap: false));
        return (Consistent(r) && r.Plan.Optimality == PlanOptimality.Optimal && r.Plan.Objective == r.Optimum && r.Plan.ObjectiveBound == r.Optimum).Label(r.Report);
    }

    [Property]
    public Property Allocate_CountCapacitiesMoveCapFlowOnly_BoundAtMostTheOptimumAtMostTheObjective(GeneratedRun run)
    {
        var r = Run(run, CountOnly(run), Options(run, FlowOnly, cap: true));
        return (Consistent(r) && r.Plan.ObjectiveBound <= r.Optimum && r.Optimum <= r.Plan.Objective
                && (r.Plan.Optimality != PlanOptimality.Optimal || r.Plan.Objective == r.Optimum)).Label(r.Report);
    }

    [Property]
    public Property Allocate_CountCapacitiesMoveCap_OptimalAndEqualToTheExactOptimum(GeneratedRun run)
    {
        var r = Run(run, CountOnly(run), Options(run, new AllocationOptions(), cap: true));
        return (Consistent(r) && r.Plan.Optimality == PlanOptimality.Optimal && r.Plan.Objective == r.Optimum).Label(r.Report);
    }

    [Property]
    public Property Allocate_WorkloadCapacities_OptimalAndEqualToTheExactOptimum(GeneratedRun run)
    {
        var r = Run(run, WithWorkload(run), Options(run, new AllocationOptions(), cap: true));
        return (Consistent(r) && r.Plan.Optimality == PlanOptimality.Optimal && r.Plan.Objective == r.Optimum).Label(r.Report);
    }

    [Property]
    public Property Allocate_WorkloadCapacitiesFlowOnly_BoundAtMostTheOptimumAtMostTheObjective(GeneratedRun run)
    {
        var r = Run(run, WithWorkload(run), Options(run, FlowOnly, cap: true));
        return (Consistent(r) && r.Plan.ObjectiveBound <= r.Optimum && r.Optimum <= r.Plan.Objective
                && (r.Plan.Optimality != PlanOptimality.Optimal || r.Plan.Objective == r.Optimum)).Label(r.Report);
    }

    [Property]
    public Property Allocate_WorkloadCapacities_NoWorseThanTheFlowHeuristic(GeneratedRun run)
    {
        var options = Options(run, new AllocationOptions(), cap: false);
        var managers = WithWorkload(run);
        var plan = PortfolioAllocator.Allocate(run.Customers, managers, GeneratedRun.Policy, options);
        var objective = PortfolioAllocator.Builder(run.Customers, managers, GeneratedRun.Policy, options).Objective();
        var heuristic = objective.Value(FlowSolver.Solve(objective, options.MoveCost, relax: false), options.MoveCost);
        return (plan.Objective <= heuristic).Label($"{run} | objective {plan.Objective}, heuristic {heuristic}");
    }
}
