// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Server;

/// <summary>One installed PorSetup product, as Windows Installer registered it.</summary>
/// <param name="ProductCode">The product's code, {GUID}.</param>
/// <param name="Version">INSTALLPROPERTY_VERSIONSTRING, or null when Windows Installer has none.</param>
/// <param name="PackageName">INSTALLPROPERTY_PACKAGENAME: the file name of the package it was installed from.</param>
/// <param name="Transforms">INSTALLPROPERTY_TRANSFORMS, split at ';': the transforms Windows applies at every maintenance run.</param>
/// <param name="GroupPolicy">The Group Policy deployment that manages it, or null when none does (or when that is unknown).</param>
public sealed record InstalledProduct(string ProductCode, string? Version, string? PackageName, IReadOnlyList<string> Transforms, GroupPolicyDeployment? GroupPolicy);
