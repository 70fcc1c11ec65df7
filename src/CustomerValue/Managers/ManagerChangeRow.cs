namespace CustomerValue;

/// <summary>
/// One account manager's changes between two snapshots (see <see cref="ManagerChanges"/>). Retention, retained value and
/// tier moves follow the customers the manager held in the FIRST snapshot. Immutable.
/// </summary>
/// <remarks>
/// The counts balance: <paramref name="CustomersAfter"/> = <paramref name="CustomersBefore"/> - <paramref name="Lost"/>
/// - <paramref name="TransferredOut"/> + <paramref name="Won"/> + <paramref name="TransferredIn"/>.
/// </remarks>
/// <param name="Manager">The manager.</param>
/// <param name="CustomersBefore">The manager's customers in the first snapshot.</param>
/// <param name="CustomersAfter">The manager's customers in the second snapshot.</param>
/// <param name="Retained">The first snapshot's customers of the manager still present in the second (with any manager or none).</param>
/// <param name="RetentionRate"><paramref name="Retained"/> / <paramref name="CustomersBefore"/>, 0..1, or <see cref="double.NaN"/> when the manager had no customers in the first snapshot.</param>
/// <param name="Lost">The first snapshot's customers of the manager absent from the second (churned).</param>
/// <param name="Won">The manager's customers in the second snapshot who were absent from the first (new customers).</param>
/// <param name="TransferredOut">Retained customers who have another manager, or none, in the second snapshot.</param>
/// <param name="TransferredIn">The manager's customers in the second snapshot who were present in the first with another manager or none.</param>
/// <param name="ValueBefore">The value of the manager's customers in the first snapshot.</param>
/// <param name="ValueAfter">The value of the manager's customers in the second snapshot.</param>
/// <param name="ValueGrowth">(<paramref name="ValueAfter"/> - <paramref name="ValueBefore"/>) / <paramref name="ValueBefore"/>, or <see cref="double.NaN"/> when <paramref name="ValueBefore"/> is not positive.</param>
/// <param name="RetainedValueBefore">The first snapshot's value of the retained customers.</param>
/// <param name="RetainedValueAfter">The second snapshot's value of the same customers.</param>
/// <param name="RetainedValueGrowth">Like-for-like growth: (<paramref name="RetainedValueAfter"/> - <paramref name="RetainedValueBefore"/>) / <paramref name="RetainedValueBefore"/>, or <see cref="double.NaN"/> when <paramref name="RetainedValueBefore"/> is not positive.</param>
/// <param name="TierUpgrades">Retained customers whose tier moved towards the best tier.</param>
/// <param name="TierDowngrades">Retained customers whose tier moved away from the best tier.</param>
public sealed record ManagerChangeRow(
    string Manager,
    int CustomersBefore,
    int CustomersAfter,
    int Retained,
    double RetentionRate,
    int Lost,
    int Won,
    int TransferredOut,
    int TransferredIn,
    double ValueBefore,
    double ValueAfter,
    double ValueGrowth,
    double RetainedValueBefore,
    double RetainedValueAfter,
    double RetainedValueGrowth,
    int TierUpgrades,
    int TierDowngrades);
