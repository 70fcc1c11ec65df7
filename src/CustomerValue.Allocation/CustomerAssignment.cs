namespace CustomerValue.Allocation;

/// <summary>Where a customer ends up in a plan. Immutable.</summary>
/// <param name="CustomerId">The customer id.</param>
/// <param name="Kind">Manager, channel or unplaced.</param>
/// <param name="ManagerId">The manager id when <paramref name="Kind"/> is <see cref="AssignmentKind.Manager"/>; otherwise <see langword="null"/>.</param>
/// <param name="Channel">The channel name when <paramref name="Kind"/> is <see cref="AssignmentKind.Channel"/>; otherwise <see langword="null"/>.</param>
public sealed record CustomerAssignment(string CustomerId, AssignmentKind Kind, string? ManagerId, string? Channel);
