using System.Runtime.CompilerServices;

namespace CustomerValue.Internal;

/// <summary>
/// Turns conditions into numbers, for per-customer loops whose tests are coin flips on real data: the JIT compiles a
/// ternary on such a test to a branch, and a mispredicted branch costs more than the arithmetic it skips.
/// </summary>
internal static class Branchless
{
    /// <summary>Returns 1 when <paramref name="condition"/> holds, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bit(bool condition) => Unsafe.BitCast<bool, byte>(condition);

    /// <summary>Returns all bits set when <paramref name="condition"/> holds, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mask(bool condition) => unchecked(0UL - Unsafe.BitCast<bool, byte>(condition));

    /// <summary>Returns <paramref name="value"/> when <paramref name="condition"/> holds, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Keep(bool condition, double value)
        => BitConverter.Int64BitsToDouble(unchecked((long)Mask(condition) & BitConverter.DoubleToInt64Bits(value)));
}
