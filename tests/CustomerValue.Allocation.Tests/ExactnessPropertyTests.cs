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
    private static Outcome Run(GeneratedRun run, AccountManager[] managers, AllocationOptions options)
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
        return new Outcome(plan, optimum, consistent, $"{run} | consistent {consistent}: objective {plan.Objective} bound {plan.ObjectiveBound} {plan.Optimality}, optimum {optimum}");
    }

    /// <summary>The run's options, with the cap on moves or without, and with CP-SAT or the flow alone.</summary>
    private static AllocationOptions Options(GeneratedRun run, bool flowOnly, bool cap)
    {
        var options = run.Options with { MaxMoves = cap ? run.MaxMoves : null };
        return flowOnly ? options with { SolverTimeLimit = TimeSpan.Zero } : options;
    }

    private static AccountManager[] CountOnly(GeneratedRun run) => [.. run.Managers.Select(m => m with { MaxWorkload = null })];

    private static AccountManager[] WithWorkload(GeneratedRun run) => [.. run.Managers.Select((m, k) => m with { MaxWorkload = m.MaxWorkload ?? (3 + (2.5 * k)) })];

    [Property]
    public Property Allocate_CountCapacitiesFlowOnly_OptimalAndEqualToTheExactOptimum(GeneratedRun run)
    {
        var r = Run(run, CountOnly(run), Options(run, flowOnly: true, cap: false));
        return (r.ProvenOptimum && r.Plan.ObjectiveBound == r.Optimum).Label(r.Report);
    }

    [Property]
    public Property Allocate_CountCapacitiesMoveCapFlowOnly_BoundAtMostTheOptimumAtMostTheObjective(GeneratedRun run)
    {
        var r = Run(run, CountOnly(run), Options(run, flowOnly: true, cap: true));
        return r.BoundBracketsOptimum.Label(r.Report);
    }

    [Property]
    public Property Allocate_CountCapacitiesMoveCap_OptimalAndEqualToTheExactOptimum(GeneratedRun run)
    {
        var r = Run(run, CountOnly(run), Options(run, flowOnly: false, cap: true));
        return r.ProvenOptimum.Label(r.Report);
    }

    [Property]
    public Property Allocate_WorkloadCapacities_OptimalAndEqualToTheExactOptimum(GeneratedRun run)
    {
        var r = Run(run, WithWorkload(run), Options(run, flowOnly: false, cap: true));
        return r.ProvenOptimum.Label(r.Report);
    }

    [Property]
    public Property Allocate_WorkloadCapacitiesFlowOnly_BoundAtMostTheOptimumAtMostTheObjective(GeneratedRun run)
    {
        var r = Run(run, WithWorkload(run), Options(run, flowOnly: true, cap: true));
        return r.BoundBracketsOptimum.Label(r.Report);
    }

    [Property]
    public Property Allocate_WorkloadCapacities_NoWorseThanTheFlowHeuristic(GeneratedRun run)
    {
        var options = Options(run, flowOnly: false, cap: false);
        var managers = WithWorkload(run);
        var plan = PortfolioAllocator.Allocate(run.Customers, managers, GeneratedRun.Policy, options);
        var objective = PortfolioAllocator.Builder(run.Customers, managers, GeneratedRun.Policy, options).Objective();
        var heuristic = objective.Value(FlowSolver.Solve(objective, options.MoveCost, relax: false), options.MoveCost);
        return (plan.Objective <= heuristic).Label($"{run} | objective {plan.Objective}, heuristic {heuristic}");
    }

    /// <summary>A plan, the exact optimum, and whether the objective prices the plan as the plan reports.</summary>
    private sealed record Outcome(AllocationPlan Plan, long Optimum, bool Consistent, string Report)
    {
        /// <summary>Consistent, proven optimal, and at the exact optimum.</summary>
        public bool ProvenOptimum => Consistent && Plan.Optimality == PlanOptimality.Optimal && Plan.Objective == Optimum;

        /// <summary>Consistent, bound &lt;= optimum &lt;= objective, and claiming optimality only at the optimum.</summary>
        public bool BoundBracketsOptimum => Consistent && Plan.ObjectiveBound <= Optimum && Optimum <= Plan.Objective
                                            && (Plan.Optimality != PlanOptimality.Optimal || Plan.Objective == Optimum);
    }
}
