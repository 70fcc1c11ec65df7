namespace CustomerValue.Csv;

/// <summary>
/// A transaction the summaries of a CSV import left out, located in the file: the line, the column and the value as
/// written there, and a sentence that says why and which option changes it. Immutable.
/// </summary>
/// <param name="LineNumber">The 1-based line of the file where the row starts (the header is line 1).</param>
/// <param name="Column">The header, as in the file, of the column the reason is about (the amount for a return, the date for a row after the as-of date, the id for a blank id).</param>
/// <param name="Value">That field's text as in the file (trimmed of spaces and tabs, unquoted).</param>
/// <param name="Message">What is wrong and the option that changes it.</param>
/// <param name="Issue">The issue as the summaries report it (its index counts accepted rows, not lines).</param>
public sealed record CsvSummaryIssue(long LineNumber, string Column, string Value, string Message, TransactionIssue Issue);
