namespace CustomerValue.Allocation;

/// <summary>The result of <see cref="PortfolioAllocator.Allocate"/>. Immutable.</summary>
/// <param name="Assignments">Every input customer's assignment, ordered by customer id (ordinal).</param>
/// <param name="Moves">Every change against the current assignment, ordered by customer id (ordinal).</param>
/// <param name="Portfolios">Every manager's resulting portfolio, ordered by manager id (ordinal).</param>
/// <param name="Unplaced">The customers the policy gives a manager but no manager had room for, with the reason, ordered by customer id.</param>
/// <param name="Cost">The objective value of the plan (see <see cref="PortfolioAllocator"/>), in the cost units of <see cref="AllocationOptions"/>, without the penalty for unplaced customers.</param>
/// <param name="EffectiveMoveCost">The move cost the plan was solved with: <see cref="AllocationOptions.MoveCost"/>, or a higher one when <see cref="AllocationOptions.MaxMoves"/> had to be enforced.</param>
public sealed record AllocationPlan(
    IReadOnlyList<CustomerAssignment> Assignments,
    IReadOnlyList<AllocationMove> Moves,
    IReadOnlyList<ManagerPortfolio> Portfolios,
    IReadOnlyList<UnplacedCustomer> Unplaced,
    long Cost,
    long EffectiveMoveCost)
{
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
