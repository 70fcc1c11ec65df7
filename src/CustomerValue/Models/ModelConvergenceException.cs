namespace CustomerValue.Models;

/// <summary>A maximum-likelihood fit did not converge; the message says how far it got and which option to change.</summary>
public sealed class ModelConvergenceException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public ModelConvergenceException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ModelConvergenceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelConvergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
