using System.Runtime.ExceptionServices;

namespace CustomerValue.Internal;

/// <summary>Splits a pass over n customers across two threads, when n is large enough to pay for them.</summary>
/// <remarks>
/// Passes that reduce (count, sum, find) run as two halves split at n / 2: the machines this library targets have few
/// cores, and a fixed split lets a later pass over the same rows (a histogram refinement, say) rely on the same halves
/// as the first. Passes that only map rows to outputs take blocks in turn (see <see cref="ForBlocks"/>).
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
    /// Runs <paramref name="body"/> on 0..n in cache-sized blocks, which two threads take in turn for large n, so a
    /// stage that makes several passes (one per rule, say) reads each block from memory once rather than once per pass,
    /// and a thread slowed by the machine leaves more blocks to the other rather than holding up the stage. For passes
    /// whose blocks write only their own rows: which thread runs a block must not matter.
    /// </summary>
    public static void ForBlocks(int n, Action<int, int> body)
    {
        const int Block = 16_384;
        var blocks = (int)(((long)n + Block - 1) / Block);
        var next = -1;
        void Work()
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < blocks)
            {
                body(b * Block, (int)Math.Min(n, ((long)b + 1) * Block));
            }
        }

        if (IsSplit(n))
        {
            Invoke(parallel: true, Work, Work);
        }
        else
        {
            Work();
        }
    }
}
