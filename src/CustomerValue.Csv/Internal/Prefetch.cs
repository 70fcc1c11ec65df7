using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace CustomerValue.Csv.Internal;

/// <summary>
/// Asks the CPU to start loading a cache line that a loop will need a few iterations later, so the misses of a table
/// far larger than the cache overlap instead of stalling one after another. Only a hint: nothing is read through the
/// address, so a stale address (an array the GC has moved or a table that has grown since) costs nothing but the hint.
/// </summary>
internal static unsafe class Prefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Line<T>(ref T location)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref location));
        }
    }

    /// <summary>Prefetches every line a value of up to 128 bytes can span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lines<T>(ref T location)
    {
        if (Sse.IsSupported)
        {
            var address = (byte*)Unsafe.AsPointer(ref location);
            Sse.Prefetch0(address);
            Sse.Prefetch0(address + 64);
            Sse.Prefetch0(address + Unsafe.SizeOf<T>() - 1);
        }
    }
}
