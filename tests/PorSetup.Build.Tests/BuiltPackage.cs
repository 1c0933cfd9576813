// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;

namespace PorSetup.Build.Tests;

/// <summary>installer/Package.wxs built by WixlPackageBuilder, as build.ps1 does, with a stand-in custom action.</summary>
public sealed class BuiltPackage : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("porsetup-build-tests-");
    private readonly Dictionary<string, IReadOnlyList<string[]>> tables = [];

    public BuiltPackage()
    {
        var customAction = Path.Combine(this.folder.FullName, "PorSetup.CustomAction.Proxy.dll");
        File.WriteAllBytes(customAction, "MZ"u8.ToArray());
        this.MsiPath = Path.Combine(this.folder.FullName, "PorSetup.msi");
        WixlPackageBuilder.Build(new MsiBuildRequest(RepositoryFiles.PackageSource, "en-US", ProductIdentity.Defines(customAction), this.MsiPath));

        this.Columns = this.Rows("_Columns")
            .Select(r => new MsiColumnDefinition(r[0], int.Parse(r[1], CultureInfo.InvariantCulture), r[2], int.Parse(r[3], CultureInfo.InvariantCulture)))
            .ToList();
        this.Validation = this.Rows(ValidationTable.Name).ToDictionary(r => (r[0], r[1]));
    }

    public string MsiPath { get; }

    public IReadOnlyList<MsiColumnDefinition> Columns { get; }

    public IReadOnlyDictionary<(string Table, string Column), string[]> Validation { get; }

    /// <summary>A table's rows as msiinfo exports them, each padded to the table's column count.</summary>
    public IReadOnlyList<string[]> Rows(string table)
    {
        if (!this.tables.TryGetValue(table, out var rows))
        {
            var width = table == "_Columns" ? 4 : this.Columns.Count(c => c.Table == table);
            rows = MsiTables.Read(this.MsiPath, table).Select(r => r.Concat(Enumerable.Repeat(string.Empty, Math.Max(0, width - r.Length))).ToArray()).ToList();
            this.tables[table] = rows;
        }

        return rows;
    }

    public void Dispose() => this.folder.Delete(recursive: true);
}
