using CustomerValue.Priority;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CustomerValue.Tests.Priority;

/// <summary>
/// The branch-free scoring loop against the documented formula, computed factor by factor with the scalar helpers;
/// and importance and urgency read row by row (their columns are computed on demand) against the whole column.
/// </summary>
public sealed class PriorityFormulaPropertyTests
{
    [Property(MaxTest = 100)]
    public Property Score_AnyPopulation_FollowsTheFormulaRowByRowAndWhole()
        => Prop.ForAll(PriorityPortfolio.Population().ToArbitrary(), population =>
        {
            var o = new PriorityOptions();
            var model = PriorityPortfolio.Pipeline(o).Fit(population);
            var stage = (FittedPriorityStage)model.Stages.Single();
            var byRow = model.Score(population);
            var whole = model.Score(population);
            var (importance, urgency) = (byRow.GetNumeric(ColumnNames.Importance), byRow.GetNumeric(ColumnNames.Urgency));
            var (recency, tenure, orders, complaints) = (population.GetNumeric(ColumnNames.RecencyDays), population.GetNumeric(ColumnNames.TenureDays), population.GetNumeric(ColumnNames.Orders), population.GetNumeric(ColumnNames.Complaints));

            for (var i = 0; i < population.Count; i++)
            {
                var own = UrgencyFactors.OwnInterval(recency[i], tenure[i], orders[i]);
                var overdue = UrgencyFactors.Overdue(recency[i], double.IsNaN(own) ? stage.MedianInterval : own, o.OverdueSaturation);
                var complaint = UrgencyFactors.Complaints(complaints[i], o.ComplaintSaturation);
                var weights = (double.IsNaN(overdue) ? 0 : o.OverdueWeight) + o.ComplaintsWeight;
                var expected = ((double.IsNaN(overdue) ? 0 : o.OverdueWeight * overdue) + (o.ComplaintsWeight * complaint)) / weights;

                Assert.Equal(expected, urgency[i], 12);
                Assert.Equal(whole.GetNumeric(ColumnNames.Urgency).Values[i], urgency[i]);
                Assert.Equal(whole.GetNumeric(ColumnNames.Importance).Values[i], importance[i]);
                Assert.Equal(((o.ImportanceWeight * importance[i]) + (o.UrgencyWeight * urgency[i])) / (o.ImportanceWeight + o.UrgencyWeight), whole.GetNumeric(ColumnNames.Priority)[i], 12);
            }
        });

    [Property(MaxTest = 100)]
    public Property Score_ManyRowsAtOnce_EqualsEachRowScoredAlone()
        => Prop.ForAll(AllFactors().ToArbitrary(), Weights().ToArbitrary(), (population, weights) =>
        {
            // Whole blocks take the vector loop, a frame of one row the scalar one: both must give the same bits.
            var options = new PriorityOptions
            {
                OverdueWeight = weights[0],
                ComplaintsWeight = weights[1],
                SatisfactionWeight = weights[2],
                PAliveWeight = weights[3],
            };
            var model = PriorityPortfolio.Pipeline(options).Fit(population);
            var whole = model.Score(population);
            for (var i = 0; i < population.Count; i++)
            {
                var alone = model.Score(population.Select([i]));
                Assert.Equal(alone.GetNumeric(ColumnNames.Priority)[0], whole.GetNumeric(ColumnNames.Priority)[i]);
                Assert.Equal(alone.GetNumeric(ColumnNames.Urgency)[0], whole.GetNumeric(ColumnNames.Urgency).Values[i]);
                Assert.Equal(alone.GetCategory(ColumnNames.Quadrant)[0], whole.GetCategory(ColumnNames.Quadrant)[i]);
                Assert.Equal(((FlagsColumn)alone[ColumnNames.PriorityReasons])[0], ((FlagsColumn)whole[ColumnNames.PriorityReasons])[i]);
            }
        });

    [Property(MaxTest = 200)]
    public Property MedianInterval_AnyRows_IsTheLowerMedianOfTheRhythmsInSixteenthsOfADay()
        => Prop.ForAll(Gen.Choose(-1, 40).Three().ArrayOf().ToArbitrary(), Gen.Elements(1.0, 300, 30_000).ToArbitrary(), (rows, scale) =>
        {
            // -1 stands for a missing value in each of recency, extra tenure and orders. The scale stretches the spans
            // past the bins counted first (512 days) and past the last bin (65,536 days), where longer intervals stop.
            static double Value(int x) => x < 0 ? double.NaN : x;
            var recency = rows.Select(r => Value(r.Item1)).ToArray();
            var tenure = rows.Select(r => r.Item1 < 0 || r.Item2 < 0 ? double.NaN : r.Item1 + (r.Item2 * scale / 3.0)).ToArray();
            var orders = rows.Select(r => Value(r.Item3 / 4)).ToArray();
            var intervals = Enumerable.Range(0, rows.Length)
                .Select(i => UrgencyFactors.OwnInterval(recency[i], tenure[i], orders[i]))
                .Where(v => v > 0)
                .Select(v => Math.Clamp(Math.Floor(v * UrgencyFactors.IntervalResolution), 1, (1 << 20) - 1) / UrgencyFactors.IntervalResolution)
                .Order()
                .ToArray();
            var expected = intervals.Length == 0 ? double.NaN : intervals[(intervals.Length - 1) / 2];

            var (r, t, o) = (new NumericColumn("r", recency), new NumericColumn("t", tenure), new NumericColumn("o", orders));

            Assert.Equal(expected, UrgencyFactors.MedianInterval(r, t, o, parallel: false));
            Assert.Equal(expected, UrgencyFactors.MedianInterval(r, t, o, parallel: true));
        });

    /// <summary>4..40 customers with every urgency factor, each possibly missing, and odd rhythms (no orders, tenure below recency).</summary>
    private static Gen<CustomerFrame> AllFactors() =>
        from n in Gen.Choose(4, 40)
        from revenue in Gen.ArrayOf(Gen.Choose(0, 12), n)
        from recency in Gen.ArrayOf(Gen.Choose(-1, 400), n)
        from tenure in Gen.ArrayOf(Gen.Choose(0, 600), n)
        from orders in Gen.ArrayOf(Gen.Choose(0, 6), n)
        from complaints in Gen.ArrayOf(Gen.Choose(-1, 4), n)
        from satisfaction in Gen.ArrayOf(Gen.Choose(-1, 10), n)
        from pAlive in Gen.ArrayOf(Gen.Choose(-1, 20), n)
        select CustomerFrame.Create(
            Enumerable.Range(0, n).Select(i => "A" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            [
                new NumericColumn(ColumnNames.Revenue, revenue.Select(r => r * 5.0)),
                new NumericColumn(ColumnNames.RecencyDays, recency.Select(Missing)),
                new NumericColumn(ColumnNames.TenureDays, tenure.Select(t => (double)t)),
                new NumericColumn(ColumnNames.Orders, orders.Select(o => (double)o)),
                new NumericColumn(ColumnNames.Complaints, complaints.Select(Missing)),
                new NumericColumn(ColumnNames.Satisfaction, satisfaction.Select(Missing)),
                new NumericColumn("p_alive", pAlive.Select(p => p < 0 ? double.NaN : p / 20.0)),
            ]);

    private static Gen<double[]> Weights() => Gen.ArrayOf(Gen.Elements(0.0, 0.5, 1, 2), 4).Where(w => w.Sum() > 0);

    private static double Missing(int value) => value < 0 ? double.NaN : value;
}
