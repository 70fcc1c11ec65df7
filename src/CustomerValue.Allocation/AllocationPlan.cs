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
    long EffectiveMoveCost);
