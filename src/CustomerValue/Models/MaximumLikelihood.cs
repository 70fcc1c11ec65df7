using CustomerValue.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace CustomerValue.Models;

/// <summary>
/// Deterministic maximum likelihood on log-parameters: BFGS with Armijo backtracking, then Newton steps on a
/// finite-difference Hessian until the gradient is at rounding level. Models with an analytic gradient (BG/NBD,
/// MBG/NBD) get it in every line-search evaluation and a Hessian from 2n gradient differences; the others use
/// central differences of the value. The Newton refinement is what makes the estimates agree to many digits
/// whatever the start or input order.
/// </summary>
internal static class MaximumLikelihood
{
    /// <summary>The total weighted log-likelihood at natural-scale parameters; fills <paramref name="gradient"/> (when not null) with its derivatives.</summary>
    public delegate double LogLikelihoodWithGradient(double[] parameters, double[]? gradient);

    private const double MaxLogStep = 5.0;
    private const double GradientStep = 1e-5;
    private const double HessianStep = 1e-4;
    private const double LogParameterLimit = 30.0;

    /// <summary>Result of a fit: natural-scale parameters, their standard errors and diagnostics.</summary>
    public sealed record Result(double[] Parameters, double[] StandardErrors, FitDiagnostics Diagnostics)
    {
        public IReadOnlyList<ParameterEstimate> Estimates(string[] names)
        {
            var list = new ParameterEstimate[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                list[i] = new ParameterEstimate(names[i], Parameters[i], StandardErrors[i]);
            }

            return list;
        }
    }

    /// <param name="model">Model name for messages.</param>
    /// <param name="names">Parameter names.</param>
    /// <param name="start">Starting natural-scale parameters (all &gt; 0).</param>
    /// <param name="logLikelihood">Total weighted log-likelihood at natural-scale parameters.</param>
    /// <param name="rows">The data (for the total weight and the row count).</param>
    /// <param name="options">Fit options.</param>
    public static Result Fit(string model, string[] names, double[] start, Func<double[], double> logLikelihood, SummaryRows rows, ModelFitOptions options)
        => Fit(model, names, start, (p, gradient) => logLikelihood(p), analytic: false, rows, options);

    /// <param name="model">Model name for messages.</param>
    /// <param name="names">Parameter names.</param>
    /// <param name="start">Starting natural-scale parameters (all &gt; 0).</param>
    /// <param name="logLikelihood">Total weighted log-likelihood at natural-scale parameters; fills the gradient with respect to them when given one.</param>
    /// <param name="rows">The data (for the total weight and the row count).</param>
    /// <param name="options">Fit options.</param>
    public static Result Fit(string model, string[] names, double[] start, LogLikelihoodWithGradient logLikelihood, SummaryRows rows, ModelFitOptions options)
        => Fit(model, names, start, logLikelihood, analytic: true, rows, options);

    private static Result Fit(string model, string[] names, double[] start, LogLikelihoodWithGradient logLikelihood, bool analytic, SummaryRows rows, ModelFitOptions options)
    {
        Guard.NotNull(options);
        if (!(options.L2Penalty >= 0) || double.IsInfinity(options.L2Penalty))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.L2Penalty, Guard.Invariant($"ModelFitOptions.L2Penalty must be a finite number >= 0; it was {options.L2Penalty}."));
        }

        if (options.MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxIterations, Guard.Invariant($"ModelFitOptions.MaxIterations must be >= 1; it was {options.MaxIterations}."));
        }

        if (!(options.GradientTolerance > 0) || double.IsInfinity(options.GradientTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.GradientTolerance, Guard.Invariant($"ModelFitOptions.GradientTolerance must be a finite number > 0; it was {options.GradientTolerance}."));
        }

        var problem = new Problem(logLikelihood, analytic, rows.TotalWeight, options.L2Penalty);
        var n = start.Length;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Math.Log(start[i]);
        }

        var fx = problem.Value(x);
        if (!double.IsFinite(fx))
        {
            throw new ModelConvergenceException(Guard.Invariant($"The {model} log-likelihood is not finite at the starting point; the data may be degenerate."));
        }

        var g = new double[n];
        problem.Gradient(x, g);
        var iterations = BfgsLoop(problem, x, ref fx, g, options.MaxIterations);
        iterations += NewtonRefine(problem, x, ref fx, g, Math.Min(20, options.MaxIterations - iterations));

        var gradientNorm = MaxAbs(g);
        var converged = gradientNorm <= options.GradientTolerance && double.IsFinite(fx);
        for (var i = 0; i < n; i++)
        {
            if (Math.Abs(x[i]) > LogParameterLimit)
            {
                throw new ModelConvergenceException(Guard.Invariant($"The {model} fit did not converge: parameter {names[i]} drifted to {Math.Exp(x[i])}, so the data do not identify it. Set ModelFitOptions.L2Penalty (e.g. 0.01) to keep the parameters finite."));
            }
        }

        if (!converged)
        {
            throw new ModelConvergenceException(Guard.Invariant($"The {model} fit did not converge after {iterations} iterations: the largest gradient component is {gradientNorm} (tolerance {options.GradientTolerance}) at {Describe(names, x)}. Raise ModelFitOptions.MaxIterations or GradientTolerance, or set ModelFitOptions.L2Penalty."));
        }

        var parameters = new double[n];
        for (var i = 0; i < n; i++)
        {
            parameters[i] = Math.Exp(x[i]);
        }

        var errors = StandardErrors(problem, x, fx, parameters, rows.TotalWeight);
        var logLik = logLikelihood(parameters, null);
        var diagnostics = new FitDiagnostics(logLik, iterations, problem.Evaluations, gradientNorm, converged, rows.TotalWeight, rows.Count);
        return new Result(parameters, errors, diagnostics);
    }

    private static int BfgsLoop(Problem problem, double[] x, ref double fx, double[] g, int maxIterations)
    {
        var n = x.Length;
        var h = Matrix<double>.Build.DenseIdentity(n);
        var d = new double[n];
        var xn = new double[n];
        var s = new double[n];
        var y = new double[n];
        var gn = new double[n];
        var fresh = true;
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    sum -= h[i, j] * g[j];
                }

                d[i] = sum;
            }

            var slope = Dot(g, d);
            if (!(slope < 0))
            {
                h = Matrix<double>.Build.DenseIdentity(n);
                fresh = true;
                for (var i = 0; i < n; i++)
                {
                    d[i] = -g[i];
                }

                slope = -Dot(g, g);
                if (slope == 0)
                {
                    return iterations;
                }
            }

            var step = Math.Min(1.0, MaxLogStep / MaxAbs(d));
            var fn = double.NaN;
            var accepted = false;
            for (var k = 0; k < 60; k++)
            {
                for (var i = 0; i < n; i++)
                {
                    xn[i] = x[i] + (step * d[i]);
                }

                fn = problem.Value(xn, gn);
                if (double.IsFinite(fn) && fn <= fx + (1e-4 * step * slope))
                {
                    accepted = true;
                    break;
                }

                step *= 0.5;
            }

            if (!accepted)
            {
                if (fresh)
                {
                    // Steepest descent cannot improve either: the point is optimal to rounding level.
                    return iterations;
                }

                h = Matrix<double>.Build.DenseIdentity(n);
                fresh = true;
                continue;
            }

            if (!problem.Analytic)
            {
                problem.Gradient(xn, gn);
            }

            for (var i = 0; i < n; i++)
            {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
            }

            var sy = Dot(s, y);
            if (sy > 1e-18)
            {
                if (fresh)
                {
                    h = h.Multiply(sy / Dot(y, y));
                }

                UpdateInverseHessian(h, s, y, sy);
                fresh = false;
            }

            var change = fx - fn;
            Array.Copy(xn, x, n);
            Array.Copy(gn, g, n);
            fx = fn;
            if (MaxAbs(g) < 1e-9 || change <= 1e-15 * Math.Max(1.0, Math.Abs(fx)))
            {
                return iterations;
            }
        }

        return iterations;
    }

    private static void UpdateInverseHessian(Matrix<double> h, double[] s, double[] y, double sy)
    {
        var n = s.Length;
        var hy = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += h[i, j] * y[j];
            }

            hy[i] = sum;
        }

        var yhy = Dot(y, hy);
        var rho = 1.0 / sy;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[i, j] += (((1.0 + (rho * yhy)) * s[i] * s[j]) * rho) - (rho * ((hy[i] * s[j]) + (s[i] * hy[j])));
            }
        }
    }

    private static int NewtonRefine(Problem problem, double[] x, ref double fx, double[] g, int maxSteps)
    {
        var n = x.Length;
        var xn = new double[n];
        var gn = new double[n];
        var steps = 0;
        for (var k = 0; k < maxSteps; k++)
        {
            var cholesky = TryCholesky(problem.Hessian(x, fx));
            if (cholesky is null)
            {
                return steps;
            }

            var delta = cholesky.Solve(Vector<double>.Build.DenseOfArray(g)).Negate();
            var size = delta.AbsoluteMaximum();
            for (var i = 0; i < n; i++)
            {
                xn[i] = x[i] + delta[i];
            }

            var fn = problem.Value(xn, gn);
            if (!double.IsFinite(fn) || fn > fx + (1e-13 * Math.Max(1.0, Math.Abs(fx))))
            {
                return steps;
            }

            steps++;
            if (!problem.Analytic)
            {
                problem.Gradient(xn, gn);
            }

            if (MaxAbs(gn) > MaxAbs(g) && fn >= fx)
            {
                return steps;
            }

            Array.Copy(xn, x, n);
            Array.Copy(gn, g, n);
            fx = fn;
            if (size < 1e-10)
            {
                return steps;
            }
        }

        return steps;
    }

    /// <summary>The Cholesky factorisation, or null when the matrix is not positive definite (MathNet throws then).</summary>
    private static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? TryCholesky(Matrix<double> matrix)
    {
        for (var i = 0; i < matrix.RowCount; i++)
        {
            for (var j = 0; j < matrix.ColumnCount; j++)
            {
                if (!double.IsFinite(matrix[i, j]))
                {
                    return null;
                }
            }
        }

        try
        {
            var cholesky = matrix.Cholesky();
            return IsPositiveDefinite(cholesky, matrix.RowCount) ? cholesky : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsPositiveDefinite(MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky, int n)
    {
        var factor = cholesky.Factor;
        for (var i = 0; i < n; i++)
        {
            if (!(factor[i, i] > 0) || !double.IsFinite(factor[i, i]))
            {
                return false;
            }
        }

        return true;
    }

    private static double[] StandardErrors(Problem problem, double[] x, double fx, double[] parameters, double totalWeight)
    {
        var n = x.Length;
        var errors = new double[n];
        Array.Fill(errors, double.NaN);
        var cholesky = TryCholesky(problem.Hessian(x, fx).Multiply(totalWeight));
        if (cholesky is null)
        {
            return errors;
        }

        var inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(n));

        for (var i = 0; i < n; i++)
        {
            var variance = inverse[i, i];
            errors[i] = variance > 0 ? parameters[i] * Math.Sqrt(variance) : double.NaN;
        }

        return errors;
    }

    private static string Describe(string[] names, double[] x)
    {
        var parts = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            parts[i] = Guard.Invariant($"{names[i]}={Math.Exp(x[i]):G6}");
        }

        return string.Join(", ", parts);
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double MaxAbs(double[] a)
    {
        var max = 0.0;
        foreach (var v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    private static double MaxAbs(Vector<double> a) => a.AbsoluteMaximum();

    /// <summary>The mean penalised negative log-likelihood as a function of the log-parameters.</summary>
    private sealed class Problem(LogLikelihoodWithGradient logLikelihood, bool analytic, double totalWeight, double penalty)
    {
        public int Evaluations { get; private set; }

        /// <summary>Gets whether <see cref="Value(double[], double[])"/> also yields the gradient.</summary>
        public bool Analytic => analytic;

        public double Value(double[] logParameters) => Value(logParameters, null);

        /// <summary>The objective; with an analytic likelihood, <paramref name="gradient"/> (when not null) receives its gradient in the log-parameters.</summary>
        public double Value(double[] logParameters, double[]? gradient)
        {
            Evaluations++;
            var n = logParameters.Length;
            var p = new double[n];
            var penaltyTerm = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (Math.Abs(logParameters[i]) > 2 * LogParameterLimit)
                {
                    return double.PositiveInfinity;
                }

                p[i] = Math.Exp(logParameters[i]);
                penaltyTerm += p[i] * p[i];
            }

            var natural = analytic && gradient is not null ? new double[n] : null;
            var value = (-logLikelihood(p, natural) / totalWeight) + (penalty * penaltyTerm);
            if (natural is not null)
            {
                for (var i = 0; i < n; i++)
                {
                    // d/d ln(theta) = theta d/d theta; the penalty theta^2 contributes 2 theta^2.
                    gradient![i] = (-p[i] * natural[i] / totalWeight) + (2 * penalty * p[i] * p[i]);
                }
            }

            return double.IsNaN(value) ? double.PositiveInfinity : value;
        }

        public void Gradient(double[] x, double[] g)
        {
            if (analytic)
            {
                Value(x, g);
                return;
            }

            var n = x.Length;
            var probe = (double[])x.Clone();
            for (var i = 0; i < n; i++)
            {
                var h = GradientStep * Math.Max(1.0, Math.Abs(x[i]));
                probe[i] = x[i] + h;
                var up = Value(probe);
                probe[i] = x[i] - h;
                var down = Value(probe);
                probe[i] = x[i];
                g[i] = (up - down) / (2 * h);
            }
        }

        public Matrix<double> Hessian(double[] x, double fx)
        {
            return analytic ? GradientDifferenceHessian(x) : ValueDifferenceHessian(x, fx);
        }

        /// <summary>Central differences of the analytic gradient: 2n evaluations instead of 2n^2, and a truncation error that does not grow with the curvature of the value.</summary>
        private Matrix<double> GradientDifferenceHessian(double[] x)
        {
            var n = x.Length;
            var hessian = Matrix<double>.Build.Dense(n, n);
            var probe = (double[])x.Clone();
            var up = new double[n];
            var down = new double[n];
            for (var i = 0; i < n; i++)
            {
                var h = GradientStep * Math.Max(1.0, Math.Abs(x[i]));
                probe[i] = x[i] + h;
                Value(probe, up);
                probe[i] = x[i] - h;
                Value(probe, down);
                probe[i] = x[i];
                for (var j = 0; j < n; j++)
                {
                    hessian[i, j] = (up[j] - down[j]) / (2 * h);
                }
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var mean = 0.5 * (hessian[i, j] + hessian[j, i]);
                    hessian[i, j] = mean;
                    hessian[j, i] = mean;
                }
            }

            return hessian;
        }

        private Matrix<double> ValueDifferenceHessian(double[] x, double fx)
        {
            var n = x.Length;
            var hessian = Matrix<double>.Build.Dense(n, n);
            var probe = (double[])x.Clone();
            var h = new double[n];
            for (var i = 0; i < n; i++)
            {
                h[i] = HessianStep * Math.Max(1.0, Math.Abs(x[i]));
            }

            for (var i = 0; i < n; i++)
            {
                probe[i] = x[i] + h[i];
                var up = Value(probe);
                probe[i] = x[i] - h[i];
                var down = Value(probe);
                probe[i] = x[i];
                hessian[i, i] = (up - (2 * fx) + down) / (h[i] * h[i]);
                for (var j = 0; j < i; j++)
                {
                    probe[i] = x[i] + h[i];
                    probe[j] = x[j] + h[j];
                    var pp = Value(probe);
                    probe[j] = x[j] - h[j];
                    var pm = Value(probe);
                    probe[i] = x[i] - h[i];
                    var mm = Value(probe);
                    probe[j] = x[j] + h[j];
                    var mp = Value(probe);
                    probe[i] = x[i];
                    probe[j] = x[j];
                    var value = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
                    hessian[i, j] = value;
                    hessian[j, i] = value;
                }
            }

            return hessian;
        }
    }
}
