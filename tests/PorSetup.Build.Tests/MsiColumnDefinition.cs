// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

/// <summary>A row of _Columns: the column's table, position (from 1), name and type bits.</summary>
public sealed record MsiColumnDefinition(string Table, int Number, string Name, int Type);
