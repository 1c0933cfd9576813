// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Msi;

/// <summary>The codes a stamped copy got: both new, so that it is a package and a product of its own.</summary>
public sealed record StampedCodes(Guid PackageCode, Guid ProductCode);
