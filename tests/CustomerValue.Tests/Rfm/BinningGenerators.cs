using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests.Rfm;

/// <summary>A column of values for one RFM dimension with its bin count.</summary>
public sealed record BinningInput(double[] Values, int Bins)
{
    public override string ToString()
        => $"k={Bins} n={Values.Length} [{string.Join(", ", Values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
}

/// <summary>Bounded generators for binning properties: finite values only, many ties, small and large magnitudes.</summary>
public static class BinningGenerators
{
    /// <summary>n 1..12, k 2..5, values from a pool of at most 6 distinct values: heavy ties (brute force is cheap).</summary>
    public static Arbitrary<BinningInput> SmallTied()
        => Arb.From(
            from k in Gen.Choose(2, 5)
            from pool in Gen.Elements(PoolScales).SelectMany(scale => Gen.Choose(-3, 3).Select(i => i * scale).ArrayOf(6))
            from n in Gen.Choose(1, 12)
            from picks in Gen.Choose(0, 5).ArrayOf(n)
            select new BinningInput(picks.Select(p => pool[p]).ToArray(), k));

    /// <summary>n 1..300, k 2..9, a mix of exact-pool ties and doubles with random mantissas, signs and exponents.</summary>
    public static Arbitrary<BinningInput> MixedDoubles()
        => Arb.From(
            from k in Gen.Choose(2, 9)
            from n in Gen.Choose(1, 300)
            from values in Value().ArrayOf(n)
            select new BinningInput(values, k));

    /// <summary>n 1..2000 with many distinct values and a few heavy ties, k 2..9.</summary>
    public static Arbitrary<BinningInput> ManyDistinct()
        => Arb.From(
            from k in Gen.Choose(2, 9)
            from n in Gen.Choose(100, 2000)
            from values in Gen.Frequency((9, RandomDouble()), (1, Gen.Elements(0.0, 1.0, -2.5, 100.0))).ArrayOf(n)
            select new BinningInput(values, k));

    /// <summary>Positive factors that keep distinct pool values distinct.</summary>
    public static Gen<double> PositiveFactor() => Gen.Elements(0.01, 0.5, 3.0, 12.5, 1000.0);

    private static readonly double[] PoolScales = [1.0, 0.25, 1000.0, 1e-6];

    private static Gen<double> Value()
        => Gen.Frequency(
            (3, Gen.Choose(-4, 4).Select(i => i * 0.5)),
            (1, Gen.Constant(0.0)),
            (1, Gen.Constant(-0.0)),
            (4, RandomDouble()));

    /// <summary>sign * mantissa * 2^exponent with a 30-bit mantissa: finite, exactly representable, many distinct.</summary>
    private static Gen<double> RandomDouble()
        => from mantissa in Gen.Choose(1, int.MaxValue / 2)
           from exponent in Gen.Choose(-40, 10)
           from negative in Gen.Elements(false, true)
           select (negative ? -1 : 1) * Math.ScaleB(mantissa, exponent);
}
