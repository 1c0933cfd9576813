// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction.Remote;

namespace PorSetup.CustomAction;

/// <summary>
/// The worker process. msiexec calls the proxy DLL (Native/Proxy.c); the proxy runs this program with its standard
/// input and output connected to pipes, serves its session calls, and deletes it when it has exited. The NativeAOT
/// runtime cannot be unloaded from a process, so it must not live in msiexec's: there it would keep its file locked
/// and the installer could not delete its temporary copy (docs/custom-action.md).
/// </summary>
internal static class Program
{
    private const int StandardInput = -10;
    private const int StandardOutput = -11;

    /// <returns>The action's result (0 or 1603), which the proxy returns to msiexec.</returns>
    private static int Main()
    {
        try
        {
            using var fromProxy = new PipeHandleStream(NativeMethods.GetStdHandle(StandardInput), FileAccess.Read);
            using var toProxy = new PipeHandleStream(NativeMethods.GetStdHandle(StandardOutput), FileAccess.Write);
            var channel = new ProxyChannel(fromProxy, toProxy);
            return (int)CustomActions.Run(channel.ReadActionName(), new ProxySession(channel));
        }
#pragma warning disable CA1031 // No pipe, or a broken one: nothing can be logged; the exit code reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (int)ActionResult.Failure;
        }
    }
}
