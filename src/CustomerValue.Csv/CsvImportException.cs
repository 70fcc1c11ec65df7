namespace CustomerValue.Csv;

/// <summary>
/// Thrown when a CSV file cannot be read: a required column is missing, or (in <see cref="CsvErrorMode.Strict"/> mode)
/// a row is bad. The message names the line, the column, the value and the option that changes the behaviour.
/// </summary>
public sealed class CsvImportException : Exception
{
    /// <summary>Creates the exception for a problem with the file as a whole.</summary>
    /// <param name="message">The message.</param>
    public CsvImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a problem with the file as a whole, caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CsvImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a bad row.</summary>
    /// <param name="reject">The row and the reason.</param>
    /// <param name="message">The message.</param>
    public CsvImportException(CsvReject reject, string message)
        : base(message)
    {
        Reject = reject ?? throw new ArgumentNullException(nameof(reject));
    }

    /// <summary>Creates the exception without a message (for serialisers and tooling).</summary>
    public CsvImportException()
    {
    }

    /// <summary>Gets the bad row, or <see langword="null"/> when the problem is with the file as a whole (such as a missing column).</summary>
    public CsvReject? Reject { get; }
}
