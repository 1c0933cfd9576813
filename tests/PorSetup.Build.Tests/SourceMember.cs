// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Build.Tests;

/// <summary>
/// A member of a C# type as <see cref="SourceMembers"/> cuts it out of a file: its type, its name (the type's name
/// for a constructor), the attributes written on it, whether it is static, its code (comments removed, string
/// contents blanked) and the string literals written in it as arguments of a call (<c>Run("msiinfo", ...)</c>; not the
/// items of a list).
/// </summary>
public sealed record SourceMember(string File, string Type, string Name, IReadOnlyList<string> Attributes, bool IsStatic, string Code, IReadOnlyList<string> Arguments)
{
    public bool IsConstructor => this.Name == this.Type;

    public bool IsTest => this.Attributes.Any(a => a.EndsWith("Fact", StringComparison.Ordinal) || a.EndsWith("Theory", StringComparison.Ordinal));

    public override string ToString() => $"{this.File}: {this.Type}.{this.Name}";
}
