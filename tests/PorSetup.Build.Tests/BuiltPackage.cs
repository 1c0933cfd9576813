// Copyright (c) PorSetup contributors. MIT licensed.

using System.Globalization;
using PorSetup.Testing;

namespace PorSetup.Build.Tests;

/// <summary>
/// installer/Package.wxs built by WixlPackageBuilder, as build.ps1 does on Linux, with a stand-in custom action:
/// built at the first use, so that a class whose tests are skipped (no wixl) builds nothing.
/// </summary>
public sealed class BuiltPackage : IDisposable
{
    private readonly Lazy<DirectoryInfo> folder = new(() => Directory.CreateTempSubdirectory("porsetup-build-tests-"));
    private readonly Dictionary<string, IReadOnlyList<string[]>> tables = [];
    private readonly Lazy<string> msiPath;
    private readonly Lazy<IReadOnlyList<MsiColumnDefinition>> columns;
    private readonly Lazy<IReadOnlyDictionary<(string Table, string Column), string[]>> validation;

    public BuiltPackage()
    {
        this.msiPath = new(this.Build);
        this.columns = new(() => this.Rows("_Columns")
            .Select(r => new MsiColumnDefinition(r[0], int.Parse(r[1], CultureInfo.InvariantCulture), r[2], int.Parse(r[3], CultureInfo.InvariantCulture)))
            .ToList());
        this.validation = new(() => this.Rows(ValidationTable.Name).ToDictionary(r => (r[0], r[1])));
    }

    public string MsiPath => this.msiPath.Value;

    /// <summary>The _Columns table: every column of every table.</summary>
    public IReadOnlyList<MsiColumnDefinition> Columns => this.columns.Value;

    /// <summary>The _Validation rows by table and column.</summary>
    public IReadOnlyDictionary<(string Table, string Column), string[]> Validation => this.validation.Value;

    /// <summary>A table's rows as the tests read them (<see cref="MsiTables.Read"/>), read once.</summary>
    public IReadOnlyList<string[]> Rows(string table)
    {
        if (!this.tables.TryGetValue(table, out var rows))
        {
            rows = MsiTables.Read(this.MsiPath, table);
            this.tables[table] = rows;
        }

        return rows;
    }

    public void Dispose()
    {
        if (this.folder.IsValueCreated)
        {
            this.folder.Value.Delete(recursive: true);
        }
    }

    private string Build()
    {
        var customAction = Path.Combine(this.folder.Value.FullName, "PorSetup.CustomAction.Proxy.dll");
        File.WriteAllBytes(customAction, "MZ"u8.ToArray());
        var msi = Path.Combine(this.folder.Value.FullName, "PorSetup.msi");
        WixlPackageBuilder.Build(new MsiBuildRequest(RepositoryFiles.PackageSource, "en-US", ProductIdentity.Defines(customAction), msi));
        return msi;
    }
}
