using System.Text;

namespace CustomerValue.Csv.Tests;

/// <summary>Builds small CSV inputs in memory and temporary files, so tests need no fixtures.</summary>
internal static class CsvInput
{
    public static MemoryStream Stream(string text, bool byteOrderMark = false)
        => new(byteOrderMark ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    public static (Transaction[] Rows, CsvReadReport Report) Transactions(string text, CsvTransactionOptions? options = null)
    {
        using var reader = CsvTransactionReader.Create(Stream(text), options);
        var rows = reader.ReadAll().ToArray();
        return (rows, reader.GetReport());
    }

    public static (Transaction[] Rows, CsvReadReport Report) Lenient(string text)
        => Transactions(text, new CsvTransactionOptions { Errors = CsvErrorMode.Lenient });

    public static CsvAttributeImport Attributes(string text, CsvAttributeOptions? options = null)
        => CsvAttributes.Read(Stream(text), options);

    public static Transaction T(string id, string date, decimal amount)
        => new(id, DateTime.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), amount);
}

/// <summary>A directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cv-csv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>A stream over bytes that says it cannot seek, as a network or pipe stream does.</summary>
internal sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
