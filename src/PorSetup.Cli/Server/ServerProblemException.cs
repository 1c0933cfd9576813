// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Server;

/// <summary>Windows Installer or the registry could not be read, or msiexec could not be started: the message says which call failed and how.</summary>
public sealed class ServerProblemException(string message) : Exception(message);
