namespace CustomerValue.Csv;

/// <summary>What a reader does with a row it cannot accept.</summary>
public enum CsvErrorMode
{
    /// <summary>Throw a <see cref="CsvImportException"/> at the first bad row, naming its line, column and value. The default.</summary>
    Strict,

    /// <summary>Skip the row, report it in <see cref="CsvReadReport.Rejects"/> and go on.</summary>
    Lenient,
}
