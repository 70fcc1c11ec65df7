using System.Text;
using CustomerValue.Csv.Internal;

namespace CustomerValue.Csv;

/// <summary>
/// Reads customer-attribute exports (interactions, complaints, satisfaction, account manager, region, industry,
/// potential, and any other column) into a <see cref="CustomerFrame"/>, one row per customer.
/// </summary>
public static class CsvAttributes
{
    private const string ErrorsOption = "CsvAttributeOptions.Errors";

    /// <summary>Reads a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes read every 65,536 rows and at the end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The frame and the read report; an empty file gives an empty frame.</returns>
    /// <exception cref="ArgumentException">An argument or option is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="CsvImportException">The customer id column is missing, two headers name the same column, <see cref="CsvAttributeOptions.ColumnKinds"/> names a column the file lacks, or (strict mode) a row is bad.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CsvAttributeImport ReadFile(string path, CsvAttributeOptions? options = null, IProgress<CsvProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options = Validate(options);
        using var source = RecordSource.Open(path, options.Delimiter, options.Errors, ErrorsOption, progress);
        return Read(source, options, cancellationToken);
    }

    /// <summary>Reads a stream (UTF-8, with or without a byte order mark; UTF-16 with one).</summary>
    /// <param name="stream">The input, read from its current position; left open.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the rows and bytes read every 65,536 rows and at the end, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The frame and the read report; an empty file gives an empty frame.</returns>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="CsvImportException">The customer id column is missing, two headers name the same column, <see cref="CsvAttributeOptions.ColumnKinds"/> names a column the file lacks, or (strict mode) a row is bad.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CsvAttributeImport Read(Stream stream, CsvAttributeOptions? options = null, IProgress<CsvProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options = Validate(options);
        using var source = RecordSource.Open(stream, leaveOpen: true, options.Delimiter, options.Errors, ErrorsOption, progress);
        return Read(source, options, cancellationToken);
    }

    private static CsvAttributeOptions Validate(CsvAttributeOptions? options)
    {
        options ??= new CsvAttributeOptions();
        ArgumentNullException.ThrowIfNull(options.Culture, "options.Culture");
        ArgumentNullException.ThrowIfNull(options.ColumnKinds, "options.ColumnKinds");
        foreach (var (name, kind) in options.ColumnKinds)
        {
            if (kind is not (ColumnKind.Numeric or ColumnKind.Text or ColumnKind.Category))
            {
                throw new ArgumentException(Text.Invariant(
                    $"CsvAttributeOptions.ColumnKinds gives column '{name}' the kind {kind}; the allowed kinds are Numeric, Text and Category."), nameof(options));
            }
        }

        return options;
    }

    private static CsvAttributeImport Read(RecordSource source, CsvAttributeOptions options, CancellationToken cancellationToken)
    {
        var headers = source.Headers;
        if (headers.Count == 0)
        {
            return new CsvAttributeImport(CustomerFrame.Create([], []), source.Report());
        }

        var idIndex = ColumnMatcher.FindRequired(headers, options.CustomerIdColumn, ColumnMatcher.CustomerIdAliases, "customer id", "CsvAttributeOptions.CustomerIdColumn");
        var columns = Columns(headers, idIndex, options);
        var parser = new FieldParser(options.Culture, CsvTransactionOptions.DefaultDateFormats);
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reader = source.Reader;
        while (source.Next(cancellationToken))
        {
            var idSpan = reader.GetSpan(idIndex);
            var id = Encoding.UTF8.GetString(idSpan);
            if (string.IsNullOrWhiteSpace(id))
            {
                source.Reject(CsvRejectReason.EmptyCustomerId, idIndex, "is not a customer id: it is empty");
                continue;
            }

            if (seen.Contains(id))
            {
                source.Reject(CsvRejectReason.DuplicateCustomerId, idIndex, "appears on an earlier row; an attribute file has one row per customer");
                continue;
            }

            var rejected = false;
            foreach (var column in columns)
            {
                if (column.Kind == ColumnKind.Numeric && !AttributeColumn.TryCheckNumber(reader.GetSpan(column.Index), parser))
                {
                    source.Reject(CsvRejectReason.BadNumber, column.Index, "is not " + parser.DescribeNumbers() + " (the column is Numeric by CsvAttributeOptions.ColumnKinds)");
                    rejected = true;
                    break;
                }
            }

            if (rejected)
            {
                continue;
            }

            foreach (var column in columns)
            {
                column.Add(reader.GetSpan(column.Index), parser);
            }

            seen.Add(id);
            ids.Add(id);
            source.Accept();
        }

        var frameColumns = new FrameColumn[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            frameColumns[i] = columns[i].Build();
        }

        return new CsvAttributeImport(CustomerFrame.Create(ids, frameColumns), source.Report());
    }

    private static AttributeColumn[] Columns(IReadOnlyList<string> headers, int idIndex, CsvAttributeOptions options)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new List<AttributeColumn>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (i == idIndex)
            {
                continue;
            }

            var name = CanonicalName(headers[i], i);
            if (!names.TryAdd(name, i))
            {
                throw new CsvImportException(Text.Invariant(
                    $"The headers '{headers[names[name]]}' and '{headers[i]}' both name the column '{name}'; rename one of them."));
            }

            columns.Add(new AttributeColumn(name, i, null));
        }

        foreach (var (key, kind) in options.ColumnKinds)
        {
            var wanted = ColumnMatcher.Normalise(key);
            var match = columns.FindIndex(c => ColumnMatcher.Normalise(c.Name) == wanted || ColumnMatcher.Normalise(headers[c.Index]) == wanted);
            if (match < 0)
            {
                throw new CsvImportException(Text.Invariant(
                    $"CsvAttributeOptions.ColumnKinds names the column '{key}', which the file does not have. The header has: {ColumnMatcher.Describe(headers)}."));
            }

            columns[match] = new AttributeColumn(columns[match].Name, columns[match].Index, kind);
        }

        return [.. columns];
    }

    private static string CanonicalName(string header, int index)
    {
        var normalised = ColumnMatcher.Normalise(header);
        if (normalised.Length == 0)
        {
            return Text.Invariant($"column_{index + 1}");
        }

        foreach (var name in ColumnMatcher.AttributeNames)
        {
            if (ColumnMatcher.Normalise(name) == normalised)
            {
                return name;
            }
        }

        return header.Trim();
    }

    /// <summary>The values of one attribute column, kept as text and as numbers until the end decides its kind.</summary>
    private sealed class AttributeColumn(string name, int index, ColumnKind? kind)
    {
        private readonly List<string?> _text = [];
        private readonly List<double> _numbers = [];
        private readonly StringPool _pool = new();
        private bool _allNumeric = true;

        public string Name => name;

        public int Index => index;

        public ColumnKind? Kind => kind;

        public static bool TryCheckNumber(ReadOnlySpan<byte> value, FieldParser parser) => value.IsEmpty || parser.TryParseDouble(value, out _);

        public void Add(ReadOnlySpan<byte> value, FieldParser parser)
        {
            if (value.IsEmpty)
            {
                _text.Add(null);
                _numbers.Add(double.NaN);
                return;
            }

            if (kind != ColumnKind.Numeric)
            {
                _text.Add(_pool.Get(value));
            }

            if (_allNumeric && kind is null or ColumnKind.Numeric)
            {
                _allNumeric = parser.TryParseDouble(value, out var number);
                _numbers.Add(number);
            }
        }

        public FrameColumn Build() => (kind ?? (_allNumeric ? ColumnKind.Numeric : ColumnKind.Text)) switch
        {
            ColumnKind.Numeric => new NumericColumn(name, _numbers),
            ColumnKind.Category => new CategoryColumn(name, _text),
            _ => new TextColumn(name, _text),
        };
    }
}
