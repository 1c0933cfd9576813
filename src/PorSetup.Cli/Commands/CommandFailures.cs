// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Cli.Signing;

namespace PorSetup.Cli.Commands;

/// <summary>
/// How the commands that read, write or sign files end when one of those fails: the message, which names the file
/// at fault in words, on the error stream, and the exit code of that kind of failure.
/// </summary>
internal static class CommandFailures
{
    public static int Run(TextWriter error, Func<int> command)
    {
        try
        {
            return command();
        }
        catch (FileProblemException problem)
        {
            error.WriteLine(problem.Message);
            return problem.ExitCode;
        }
        catch (SigningProblemException problem)
        {
            error.WriteLine(problem.Message);
            return ExitCodes.SigningError;
        }
    }
}
