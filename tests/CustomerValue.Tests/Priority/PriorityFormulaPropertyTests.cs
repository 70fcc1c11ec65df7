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
}
