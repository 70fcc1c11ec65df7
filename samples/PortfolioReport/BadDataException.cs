namespace PortfolioReport;

/// <summary>Thrown when an input file parses but cannot be used (a required column is missing): the report exits with code 1.</summary>
public sealed class BadDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix the file.</param>
    public BadDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    /// <param name="message">What is wrong and how to fix the file.</param>
    /// <param name="innerException">The cause.</param>
    public BadDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public BadDataException()
    {
    }
}
