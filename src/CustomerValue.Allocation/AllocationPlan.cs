namespace CustomerValue.Allocation;

/// <summary>The result of <see cref="PortfolioAllocator.Allocate"/>. Immutable.</summary>
/// <param name="Assignments">Every input customer's assignment, ordered by customer id (ordinal).</param>
/// <param name="Moves">Every change against the current assignment, ordered by customer id (ordinal).</param>
/// <param name="Portfolios">Every manager's resulting portfolio, ordered by manager id (ordinal).</param>
/// <param name="Unplaced">The customers the policy gives a manager but no manager had room for, with the reason, ordered by customer id.</param>
/// <param name="Cost">
/// The plan's cost (see <see cref="PortfolioAllocator"/>) at <see cref="AllocationOptions.MoveCost"/>, in the cost units of
/// <see cref="AllocationOptions"/>, without the penalty for unplaced customers.
/// </param>
/// <param name="EffectiveMoveCost">
/// The move cost the plan was solved with: <see cref="AllocationOptions.MoveCost"/>, or the higher price on moves the
/// min-cost flow needed to meet <see cref="AllocationOptions.MaxMoves"/> when CP-SAT did not improve on that plan.
/// </param>
/// <param name="Objective">The plan's objective value: <paramref name="Cost"/> plus the penalties of the unplaced customers, the quantity the solvers minimise.</param>
/// <param name="ObjectiveBound">A proven lower bound on the objective value of every feasible plan; equal to <paramref name="Objective"/> when the plan is optimal.</param>
/// <param name="Optimality">Whether the plan is proven optimal, or only feasible with the gap <paramref name="Objective"/> - <paramref name="ObjectiveBound"/>.</param>
public sealed record AllocationPlan(
    IReadOnlyList<CustomerAssignment> Assignments,
    IReadOnlyList<AllocationMove> Moves,
    IReadOnlyList<ManagerPortfolio> Portfolios,
    IReadOnlyList<UnplacedCustomer> Unplaced,
    long Cost,
    long EffectiveMoveCost,
    long Objective,
    long ObjectiveBound,
    PlanOptimality Optimality)
{
    /// <summary>Gets the relative optimality gap, (<see cref="Objective"/> - <see cref="ObjectiveBound"/>) / max(1, <see cref="Objective"/>): 0 for an optimal plan.</summary>
    public double RelativeGap => (double)(Objective - ObjectiveBound) / Math.Max(1, Objective);

    /// <summary>
    /// Returns the plan's manager of every customer of <paramref name="frame"/> as a category column (managers in ordinal
    /// order), so the planned portfolios can be measured with <see cref="ManagerKpis"/> (set
    /// <see cref="ManagerKpiOptions.ManagerColumn"/> to <paramref name="name"/>) or joined to the scored customers.
    /// Customers sent to a channel, unplaced, or absent from the plan have no manager (a missing value).
    /// </summary>
    /// <param name="frame">The customers, usually the scored frame the plan's customers came from.</param>
    /// <param name="name">The column name.</param>
    /// <returns>The column, one value per row of <paramref name="frame"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or whitespace.</exception>
    public CategoryColumn ManagerColumn(CustomerFrame frame, string name = "planned_manager")
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var labels = new string?[frame.Count];
        var managers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var assignment in Assignments)
        {
            var row = frame.IndexOf(assignment.CustomerId);
            if (assignment.ManagerId is { } manager && row >= 0)
            {
                labels[row] = manager;
                managers.Add(manager);
            }
        }

        return new CategoryColumn(name, labels, managers);
    }
}
