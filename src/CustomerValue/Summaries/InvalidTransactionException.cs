namespace CustomerValue;

/// <summary>Thrown when a transaction log has a row the options do not allow; names the row, the reason and the option that changes the behaviour.</summary>
public sealed class InvalidTransactionException : Exception
{
    /// <summary>Creates the exception for <paramref name="issue"/>.</summary>
    /// <param name="issue">The offending transaction and reason.</param>
    /// <param name="message">The message.</param>
    public InvalidTransactionException(TransactionIssue issue, string message)
        : base(message)
    {
        Issue = issue ?? throw new ArgumentNullException(nameof(issue));
    }

    /// <summary>Gets the offending transaction, its index and the reason.</summary>
    public TransactionIssue Issue { get; }
}
