namespace CustomerValue;

/// <summary>A transaction the summaries excluded, with its position in the input and the reason. Immutable.</summary>
/// <param name="Index">The zero-based position of the transaction in the input sequence.</param>
/// <param name="Reason">Why it was excluded.</param>
/// <param name="Transaction">The transaction as given.</param>
public sealed record TransactionIssue(int Index, TransactionIssueReason Reason, Transaction Transaction);
