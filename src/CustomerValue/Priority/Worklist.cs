namespace CustomerValue;

/// <summary>One account manager's worklist: their customers with the highest priority, in the total priority order. Immutable.</summary>
/// <param name="Manager">The manager, or <see langword="null"/> for the list of customers without a manager.</param>
/// <param name="Customers">The customers, rank 1 first; ranks count within this manager.</param>
public sealed record Worklist(string? Manager, IReadOnlyList<PriorityEntry> Customers);
