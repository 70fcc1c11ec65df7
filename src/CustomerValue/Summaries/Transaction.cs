namespace CustomerValue;

/// <summary>One purchase (or, with a negative amount, a return) in a transaction log. Immutable.</summary>
/// <param name="CustomerId">The customer id, e.g. "C-00042"; compared ordinally.</param>
/// <param name="Timestamp">When it happened; only the calendar date is used.</param>
/// <param name="Amount">The amount in the log's currency; negative for a return.</param>
public readonly record struct Transaction(string CustomerId, DateTime Timestamp, decimal Amount);
