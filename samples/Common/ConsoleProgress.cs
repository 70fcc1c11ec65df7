using System.Globalization;
using CustomerValue.Csv;

namespace Samples.Common;

/// <summary>
/// Prints how much of a file has been read as a percentage on stderr. Synchronous on purpose:
/// <see cref="Progress{T}"/> posts to the thread pool, so its lines could arrive after the program has moved on.
/// </summary>
/// <param name="stderr">Receives the progress lines.</param>
/// <param name="label">The file name to show.</param>
/// <param name="fileBytes">The size of the file.</param>
/// <param name="terminal">Whether stderr is a terminal (one line rewritten in place) rather than a log (a line per 10%).</param>
public sealed class ConsoleProgress(TextWriter stderr, string label, long fileBytes, bool terminal) : IProgress<CsvProgress>
{
    private int _lastPercent = -1;

    /// <inheritdoc/>
    public void Report(CsvProgress value)
    {
        var percent = fileBytes <= 0 ? 100 : (int)Math.Min(100, value.Bytes * 100 / fileBytes);
        var step = terminal ? 1 : 10;
        if (percent / step == _lastPercent / step)
        {
            return;
        }

        _lastPercent = percent;
        var text = string.Create(CultureInfo.InvariantCulture, $"Reading {label}: {percent,3}% ({value.Rows:N0} rows)");
        if (terminal)
        {
            stderr.Write("\r" + text + (percent == 100 ? Environment.NewLine : string.Empty));
        }
        else
        {
            stderr.WriteLine(text);
        }

        stderr.Flush();
    }
}
