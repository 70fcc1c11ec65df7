namespace CustomerValue;

/// <summary>One customer in a priority list (<see cref="PriorityRanking.Top"/>, a <see cref="Worklist"/>). Immutable.</summary>
/// <param name="Rank">The position in the list, 1 = first.</param>
/// <param name="CustomerId">The customer id.</param>
/// <param name="Priority">The priority, 0..1.</param>
/// <param name="Importance">The importance, 0..1.</param>
/// <param name="Urgency">The urgency, 0..1.</param>
/// <param name="Quadrant">The quadrant label (see <see cref="PriorityQuadrants"/>), or <see langword="null"/> when missing.</param>
/// <param name="Reasons">The reasons for the priority, largest contribution first (see <see cref="PriorityRanking.Reasons"/>).</param>
public sealed record PriorityEntry(int Rank, string CustomerId, double Priority, double Importance, double Urgency, string? Quadrant, IReadOnlyList<string> Reasons);
