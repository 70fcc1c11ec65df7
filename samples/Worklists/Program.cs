using Samples.Common;

namespace Worklists;

/// <summary>
/// Account-manager worklists: each manager's customers with the highest priority and the top reasons for it.
/// Run it with <c>dotnet run --project samples/Worklists</c> from the repository root; <c>-- --help</c> lists the options.
/// </summary>
public static class Program
{
    /// <summary>Builds the worklists on the console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Builds the worklists, writing the report to <paramref name="stdout"/> and errors and progress to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives errors and, for large files or a terminal, progress.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => ProgramShell.Run(
            args,
            stdout,
            stderr,
            WorklistOptions.Parse,
            WorklistOptions.HelpText,
            (options, terminal) => new WorklistJob(options, stdout, stderr, terminal).Run());
}
