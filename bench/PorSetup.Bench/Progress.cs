// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.Bench;

/// <summary>Progress goes to the error stream, so that the standard output holds only the header and the table.</summary>
internal static class Progress
{
    public static void Say(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[bench {DateTime.Now:HH:mm:ss}] {message}"));
}
