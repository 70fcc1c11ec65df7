using System.Runtime.ExceptionServices;

namespace CustomerValue.Internal;

/// <summary>Splits a pass over n customers into two halves run in parallel, when n is large enough to pay for the threads.</summary>
/// <remarks>
/// Always two halves split at n / 2: the machines this library targets have few cores, and a fixed split lets a later
/// pass over the same rows (a histogram refinement, say) rely on the same halves as the first.
/// </remarks>
internal static class Ranges
{
    /// <summary>Passes over at least this many customers are split across two threads.</summary>
    internal const int ParallelThreshold = 200_000;

    /// <summary>Gets whether a pass over <paramref name="n"/> rows runs as two parallel halves.</summary>
    public static bool IsSplit(int n) => n >= ParallelThreshold;

    /// <summary>Runs <paramref name="body"/> on 0..n, or on two halves in parallel for large n; each half writes only its own rows.</summary>
    /// <remarks>A failure is rethrown as is, the lower half's first, so a caller sees the exception (and the row) that a
    /// single pass would have thrown, not an <see cref="AggregateException"/>.</remarks>
    public static void ForRanges(int n, Action<int, int> body)
    {
        if (IsSplit(n))
        {
            var half = n / 2;
            Exception? lower = null;
            Exception? upper = null;
            Parallel.Invoke(
                () => lower = Capture(() => body(0, half)),
                () => upper = Capture(() => body(half, n)));
            if ((lower ?? upper) is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }
        }
        else
        {
            body(0, n);
        }
    }

    private static Exception? Capture(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    /// <summary>
    /// Like <see cref="ForRanges"/>, but hands each half to <paramref name="body"/> in cache-sized blocks, so a stage
    /// that makes several passes (one per rule, say) reads each block from memory once rather than once per pass.
    /// </summary>
    public static void ForBlocks(int n, Action<int, int> body)
        => ForRanges(n, (start, end) =>
        {
            const int Block = 16_384;
            for (var from = start; from < end; from += Block)
            {
                body(from, Math.Min(end, from + Block));
            }
        });
}
