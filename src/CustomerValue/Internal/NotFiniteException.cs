namespace CustomerValue.Internal;

/// <summary>
/// Thrown by a pass that found a value that is not finite (NaN or infinity) in passing, so the caller need not check
/// the column in a pass of its own. Callers catch it and throw the error that names the customer (see FiniteColumn).
/// </summary>
internal sealed class NotFiniteException : Exception
{
    public NotFiniteException()
        : base("A value is not finite.")
    {
    }

    public NotFiniteException(string message)
        : base(message)
    {
    }

    public NotFiniteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
