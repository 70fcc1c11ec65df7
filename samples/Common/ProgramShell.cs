using CustomerValue;
using CustomerValue.Csv;

namespace Samples.Common;

/// <summary>Runs a program's body and turns the failures a user can fix into a message on stderr and an exit code.</summary>
public static class ProgramShell
{
    /// <summary>
    /// Runs a program: parses <paramref name="args"/>, prints <paramref name="helpText"/> for --help, else runs the program
    /// with whether stderr is a terminal (so progress may rewrite a line); failures are handled as in the other overload.
    /// </summary>
    /// <typeparam name="TOptions">The program's options.</typeparam>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Receives the report and the help.</param>
    /// <param name="stderr">Receives errors and progress.</param>
    /// <param name="parse">Parses the command line; throws <see cref="UsageException"/> for a bad one.</param>
    /// <param name="helpText">The --help text.</param>
    /// <param name="run">The program; returns its exit code.</param>
    /// <param name="lenientRows">What a lenient run does with a bad row.</param>
    /// <param name="lenientTransactions">What a lenient run does with an invalid transaction.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run<TOptions>(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string[], TOptions> parse,
        string helpText,
        Func<TOptions, bool, int> run,
        string lenientRows = "count bad rows, leave them out and go on",
        string lenientTransactions = "count such transactions and leave them out")
        where TOptions : IProgramOptions
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(run);
        return Run(
            stderr,
            () =>
            {
                var options = parse(args);
                if (options.Help)
                {
                    stdout.Write(helpText);
                    return ExitCodes.Ok;
                }

                return run(options, IsTerminal(stderr));
            },
            lenientRows,
            lenientTransactions);
    }

    /// <summary>Runs <paramref name="body"/>: a usage error exits with 2, bad data with 1, each with what to do about it.</summary>
    /// <param name="stderr">Receives the error messages.</param>
    /// <param name="body">The program; returns its exit code.</param>
    /// <param name="lenientRows">What a lenient run does with a bad row, ending the advice "Run without --strict to ...".</param>
    /// <param name="lenientTransactions">What a lenient run does with an invalid transaction, ending the same advice.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(
        TextWriter stderr,
        Func<int> body,
        string lenientRows = "count bad rows, leave them out and go on",
        string lenientTransactions = "count such transactions and leave them out")
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine("Run with --help to see every option and its default.");
            return ExitCodes.BadUsage;
        }
        catch (CsvImportException e)
        {
            stderr.WriteLine("error: " + e.Message);
            if (e.Reject is not null)
            {
                stderr.WriteLine("Run without --strict to " + lenientRows + ".");
            }
            else if (e.Message.Contains("CsvTransactionOptions.", StringComparison.Ordinal))
            {
                stderr.WriteLine("Name the transaction columns with --id-column, --date-column and --amount-column.");
            }

            return ExitCodes.BadData;
        }
        catch (InvalidTransactionException e)
        {
            stderr.WriteLine("error: " + e.Message);
            stderr.WriteLine("Run without --strict to " + lenientTransactions + ", or use --returns net.");
            return ExitCodes.BadData;
        }
        catch (IOException e)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitCodes.BadData;
        }
    }

    /// <summary>Whether progress may rewrite one line in place: only on the real stderr of a terminal.</summary>
    /// <param name="stderr">The writer the program was given.</param>
    /// <returns>True for a terminal.</returns>
    public static bool IsTerminal(TextWriter stderr) => ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
}
