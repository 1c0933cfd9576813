// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;
using PorSetup.Build;

var source = new Option<FileInfo>("--source") { Description = "The WiX v4 package source.", Required = true };
var culture = new Option<string>("--culture") { Description = "The culture of the .wxl to use.", DefaultValueFactory = _ => "en-US" };
var output = new Option<FileInfo>("--output") { Description = "The MSI to write.", Required = true };
var customAction = new Option<FileInfo>("--custom-action") { Description = "The native custom action DLL.", Required = true };
var version = new Option<string?>("--product-version") { Description = "A version other than the one in Directory.Build.props." };

var command = new RootCommand("Builds installer/Package.wxs into an MSI with wixl and msibuild (Linux).")
{
    source, culture, output, customAction, version,
};
command.SetAction(parse =>
{
    var request = new MsiBuildRequest(
        parse.GetValue(source)!.FullName,
        parse.GetValue(culture)!,
        ProductIdentity.Defines(parse.GetValue(customAction)!.FullName, parse.GetValue(version)),
        parse.GetValue(output)!.FullName);
    WixlPackageBuilder.Build(request);
    Console.WriteLine($"Built {request.OutputPath} ({request.Culture})");
});
return command.Parse(args).Invoke();
