namespace CustomerValue.Csv;

/// <summary>Options for <see cref="CsvExport"/>. Immutable.</summary>
public sealed record CsvWriteOptions
{
    /// <summary>Gets the field delimiter.</summary>
    /// <value>The default value is ','. Must be an ASCII character other than the quote, CR and LF.</value>
    public char Delimiter { get; init; } = ',';

    /// <summary>Gets whether the file starts with a UTF-8 byte order mark, which some spreadsheet programs need to read non-ASCII text.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool ByteOrderMark { get; init; }
}
