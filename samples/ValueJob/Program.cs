using Samples.Common;

namespace ValueJob;

/// <summary>
/// The main job: a transaction export in, scored customers, rejects, the fitted model and charts out.
/// Run it with <c>dotnet run --project samples/ValueJob</c> from the repository root; <c>-- --help</c> lists the options.
/// </summary>
public static class Program
{
    /// <summary>Runs the job on the console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the job, writing the report to <paramref name="stdout"/> and errors and progress to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives errors and, for large files or a terminal, progress.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => ProgramShell.Run(
            args,
            stdout,
            stderr,
            JobOptions.Parse,
            JobOptions.HelpText,
            (options, terminal) => new Job(options, stdout, stderr, terminal).Run(),
            lenientRows: "write bad rows to rejects.csv and go on",
            lenientTransactions: "report such transactions in rejects.csv and go on");
}
