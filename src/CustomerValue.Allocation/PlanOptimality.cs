namespace CustomerValue.Allocation;

/// <summary>How good an <see cref="AllocationPlan"/> is known to be.</summary>
public enum PlanOptimality
{
    /// <summary>A plan proven optimal: its objective equals the proven lower bound.</summary>
    Optimal = 0,

    /// <summary>
    /// A feasible plan whose objective may exceed the optimum by at most <see cref="AllocationPlan.Objective"/> minus
    /// <see cref="AllocationPlan.ObjectiveBound"/>: the solver stopped at <see cref="AllocationOptions.SolverTimeLimit"/>, or the
    /// model was too large for it (see the package README).
    /// </summary>
    Feasible = 1,
}
