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

    [Property(MaxTest = 200)]
    public Property MedianInterval_AnyRows_IsTheLowerMedianOfTheRhythmsInSixteenthsOfADay()
        => Prop.ForAll(Gen.Choose(-1, 40).Three().ArrayOf().ToArbitrary(), rows =>
        {
            // -1 stands for a missing value in each of recency, extra tenure and orders.
            static double Value(int x) => x < 0 ? double.NaN : x;
            var recency = rows.Select(r => Value(r.Item1)).ToArray();
            var tenure = rows.Select(r => r.Item1 < 0 || r.Item2 < 0 ? double.NaN : r.Item1 + (r.Item2 / 3.0)).ToArray();
            var orders = rows.Select(r => Value(r.Item3 / 4)).ToArray();
            var intervals = Enumerable.Range(0, rows.Length)
                .Select(i => UrgencyFactors.OwnInterval(recency[i], tenure[i], orders[i]))
                .Where(v => v > 0)
                .Select(v => Math.Max(1, Math.Floor(v * UrgencyFactors.IntervalResolution)) / UrgencyFactors.IntervalResolution)
                .Order()
                .ToArray();
            var expected = intervals.Length == 0 ? double.NaN : intervals[(intervals.Length - 1) / 2];

            var (r, t, o) = (new NumericColumn("r", recency), new NumericColumn("t", tenure), new NumericColumn("o", orders));

            Assert.Equal(expected, UrgencyFactors.MedianInterval(r, t, o, parallel: false));
            Assert.Equal(expected, UrgencyFactors.MedianInterval(r, t, o, parallel: true));
        });
}
