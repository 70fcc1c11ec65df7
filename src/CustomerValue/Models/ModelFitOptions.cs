namespace CustomerValue.Models;

/// <summary>Options of a maximum-likelihood model fit. Immutable.</summary>
public sealed record ModelFitOptions
{
    /// <summary>Gets the default options.</summary>
    public static ModelFitOptions Default { get; } = new();

    /// <summary>
    /// Gets the L2 penalty coefficient: the fit minimises the mean negative log-likelihood per customer plus
    /// this coefficient times the sum of the squared parameters. A small value (0.001 to 0.1) keeps parameters
    /// finite on data that barely identify the model.
    /// </summary>
    /// <value>The default value is 0 (plain maximum likelihood).</value>
    public double L2Penalty { get; init; }

    /// <summary>Gets the maximum number of quasi-Newton iterations before the fit gives up with a <see cref="ModelConvergenceException"/>.</summary>
    /// <value>The default value is 1000.</value>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// Gets the convergence tolerance: the largest allowed absolute component of the gradient of the mean
    /// negative log-likelihood with respect to the log-parameters at the optimum.
    /// </summary>
    /// <value>The default value is 1e-7.</value>
    public double GradientTolerance { get; init; } = 1e-7;
}
