namespace CustomerValue.Csv;

/// <summary>How far a long read or write has come. Immutable.</summary>
/// <param name="Rows">The data rows read (accepted and rejected) or written so far.</param>
/// <param name="Bytes">The bytes of the file read or written so far.</param>
public readonly record struct CsvProgress(long Rows, long Bytes);
