// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>The classes that run build.ps1 share one collection, so that xunit runs them one after the other.</summary>
[CollectionDefinition(BuildScript.Collection)]
public sealed class BuildScriptRuns;
