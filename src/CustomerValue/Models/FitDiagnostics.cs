namespace CustomerValue.Models;

/// <summary>How a maximum-likelihood fit went. Immutable.</summary>
/// <param name="LogLikelihood">The log-likelihood of the data at the estimates (without the penalty).</param>
/// <param name="Iterations">The number of optimiser iterations (quasi-Newton plus Newton refinement steps).</param>
/// <param name="FunctionEvaluations">The number of log-likelihood evaluations.</param>
/// <param name="GradientNorm">The largest absolute component of the gradient of the mean penalised negative log-likelihood with respect to the log-parameters at the estimates.</param>
/// <param name="Converged">Whether <paramref name="GradientNorm"/> is within the tolerance; a fit that does not converge throws, so this is true on every returned model.</param>
/// <param name="Customers">The number of customers in the fit (the sum of the weights).</param>
/// <param name="UniqueRows">The number of distinct data rows the likelihood was evaluated on.</param>
public sealed record FitDiagnostics(
    double LogLikelihood,
    int Iterations,
    int FunctionEvaluations,
    double GradientNorm,
    bool Converged,
    double Customers,
    int UniqueRows);
