namespace CustomerValue.Allocation;

/// <summary>One change a plan makes to a customer's service. Immutable.</summary>
/// <param name="CustomerId">The customer id.</param>
/// <param name="FromManagerId">The current manager id, or <see langword="null"/> when the customer had none.</param>
/// <param name="ToManagerId">The new manager id, or <see langword="null"/> when the customer goes to a channel.</param>
/// <param name="ToChannel">The new channel, or <see langword="null"/> when the customer goes to a manager.</param>
/// <param name="Reason">Why the customer moves.</param>
public sealed record AllocationMove(string CustomerId, string? FromManagerId, string? ToManagerId, string? ToChannel, MoveReason Reason);
