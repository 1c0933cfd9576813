// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>A message the action sent through <see cref="FakeSession"/>.</summary>
public sealed record SentMessage(InstallMessage Kind, string Text);
