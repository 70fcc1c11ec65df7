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
    public static void ForRanges(int n, Action<int, int> body)
    {
        if (IsSplit(n))
        {
            var half = n / 2;
            Invoke(parallel: true, () => body(0, half), () => body(half, n));
        }
        else
        {
            body(0, n);
        }
    }

    /// <summary>
    /// Runs every action, side by side when <paramref name="parallel"/>; a failure is rethrown as is, the first action's
    /// first, so a caller sees the exception (and the row) that running them in order would have thrown, not an
    /// <see cref="AggregateException"/> that depends on which thread finished first.
    /// </summary>
    public static void Invoke(bool parallel, params Action[] actions)
    {
        var errors = new Exception?[actions.Length];
        void Run(int i)
        {
            try
            {
                actions[i]();
            }
            catch (Exception error)
            {
                errors[i] = error;
            }
        }

        if (parallel)
        {
            Parallel.For(0, actions.Length, Run);
        }
        else
        {
            for (var i = 0; i < actions.Length; i++)
            {
                Run(i);
            }
        }

        if (Array.Find(errors, error => error is not null) is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
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
