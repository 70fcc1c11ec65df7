namespace CustomerValue.Models;

/// <summary>One estimated model parameter. Immutable.</summary>
/// <param name="Name">The parameter name as in the model's paper (r, alpha, a, b, s, beta, p, q, v, gamma, delta).</param>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">The asymptotic standard error from the inverse Hessian of the log-likelihood (delta method from the log-parameters); NaN when the model was created from given parameters rather than fitted, or when the Hessian is singular.</param>
public sealed record ParameterEstimate(string Name, double Value, double StandardError);
