// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.Cli.Server;
using PorSetup.Cli.Signing;

namespace PorSetup.Cli.Commands;

/// <summary>
/// How the commands end when what they read, write, sign or ask of Windows fails: the message, which names the file
/// or the Windows call at fault in words, on the error stream, and the exit code of that kind of failure.
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
        catch (ServerProblemException problem)
        {
            error.WriteLine(problem.Message);
            return ExitCodes.WindowsError;
        }
    }
}
