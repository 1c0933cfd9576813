// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli;

/// <summary>Fits a message from the system or a reader into one of the tool's sentences.</summary>
internal static class Sentences
{
    /// <summary>"The file is ..." becomes "the file is ...", to follow a colon; a leading acronym ("FAT ...") stays.</summary>
    public static string AfterColon(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
}
