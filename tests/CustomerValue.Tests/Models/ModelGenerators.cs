using CustomerValue.Models;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests.Models;

/// <summary>A customer history (frequency, recency, age) in the model's unit.</summary>
public sealed record History(double Frequency, double Recency, double Age);

/// <summary>A purchase model kind with its four parameters; printed in full when a property fails.</summary>
public sealed record ModelCase(int Kind, double P1, double P2, double P3, double P4)
{
    public PurchaseModel Create() => Kind switch
    {
        0 => new BgNbdModel(P1, P2, P3, P4, ModelTimeUnit.Week),
        1 => new MbgNbdModel(P1, P2, P3, P4, ModelTimeUnit.Week),
        _ => new ParetoNbdModel(P1, P2, P3, P4, ModelTimeUnit.Week),
    };
}

/// <summary>Bounded generators for the model properties: no NaN, no infinities, only valid histories.</summary>
public static class ModelGenerators
{
    /// <summary>Histories from the ordinary to the extreme: x from 0 to 500, T from 0.001 to 10,000.</summary>
    public static Arbitrary<History> History()
    {
        var gen =
            from x in Gen.OneOf(Gen.Choose(0, 5), Gen.Choose(0, 50), Gen.Choose(100, 500))
            from logAge in Gen.Choose(-3000, 4000)
            from share in Gen.Choose(0, 1000)
            let age = Math.Round(Math.Pow(10, logAge / 1000.0), 3) + 0.001
            // age * 1000 / 1000 can round one ulp above age, an invalid history (recency > T) the models rightly reject.
            select new History(x, x == 0 ? 0 : Math.Min(age, age * share / 1000.0), age);
        return gen.ToArbitrary();
    }

    /// <summary>Purchase models with parameters spread over three orders of magnitude.</summary>
    public static Arbitrary<ModelCase> ModelCase()
    {
        static Gen<double> Parameter() => Gen.Choose(-1500, 1500).Select(e => Math.Pow(10, e / 1000.0));
        var gen =
            from kind in Gen.Choose(0, 2)
            from p1 in Parameter()
            from p2 in Parameter()
            from p3 in Parameter()
            from p4 in Parameter()
            select new ModelCase(kind, p1, p2, p3, p4);
        return gen.ToArbitrary();
    }

    /// <summary>Horizons from a day to five years, in mixed units.</summary>
    public static Arbitrary<Horizon> Horizon()
    {
        var gen =
            from unit in Gen.Elements(ModelTimeUnit.Day, ModelTimeUnit.Week, ModelTimeUnit.Month, ModelTimeUnit.Year)
            from tenths in Gen.Choose(1, 600)
            select new Horizon(unit switch
            {
                ModelTimeUnit.Day => tenths * 3,
                ModelTimeUnit.Week => tenths / 2.0,
                ModelTimeUnit.Month => tenths / 10.0,
                _ => tenths / 120.0,
            }, unit);
        return gen.ToArbitrary();
    }
}
