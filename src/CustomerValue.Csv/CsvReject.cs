namespace CustomerValue.Csv;

/// <summary>A row a reader rejected, with where it is, what it says and why. Immutable.</summary>
/// <param name="LineNumber">The 1-based line of the file where the row starts (the header is line 1).</param>
/// <param name="Reason">Why the row was rejected.</param>
/// <param name="Column">The header name of the offending column, or <see langword="null"/> when the row as a whole is bad.</param>
/// <param name="Value">The offending field value, or <see langword="null"/> when the row as a whole is bad.</param>
/// <param name="RawText">The row as it appears in the file, without the line break.</param>
/// <param name="Message">A sentence that says what is wrong.</param>
public sealed record CsvReject(long LineNumber, CsvRejectReason Reason, string? Column, string? Value, string RawText, string Message);
