// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build;

/// <summary>What to build: a package source, a culture, preprocessor variables and where the MSI goes.</summary>
/// <param name="SourcePath">installer/Package.wxs (WiX v4 schema); the culture's .wxl is looked for beside it.</param>
/// <param name="Culture">e.g. "en-US" or "fr-FR".</param>
/// <param name="Defines">Preprocessor variables, $(var.Name) in the source.</param>
/// <param name="OutputPath">The MSI to write.</param>
public sealed record MsiBuildRequest(string SourcePath, string Culture, IReadOnlyDictionary<string, string> Defines, string OutputPath);
