using System.Globalization;
using CustomerValue.Csv;

namespace ValueJob;

/// <summary>
/// Prints how much of a file has been read as a percentage on stderr. Synchronous on purpose:
/// <see cref="Progress{T}"/> posts to the thread pool, so its lines could arrive after the job has moved on.
/// </summary>
internal sealed class ConsoleProgress(TextWriter stderr, string label, long fileBytes, bool terminal) : IProgress<CsvProgress>
{
    private int _lastPercent = -1;

    public void Report(CsvProgress value)
    {
        var percent = fileBytes <= 0 ? 100 : (int)Math.Min(100, value.Bytes * 100 / fileBytes);

        // A terminal line is rewritten in place; redirected output gets one line per 10% so logs stay short.
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
