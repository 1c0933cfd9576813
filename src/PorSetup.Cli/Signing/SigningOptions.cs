// Copyright (c) PorSetup contributors. MIT licensed.

using System.CommandLine;

namespace PorSetup.Cli.Signing;

/// <summary>--sign-with and --timestamp-url, as every command that signs takes them.</summary>
internal sealed class SigningOptions
{
    public SigningOptions(bool required)
    {
        SignWith = new Option<FileInfo?>("--sign-with")
        {
            Description = $"Sign the written file with the code-signing certificate in this .pfx file (osslsigncode; signtool on Windows). Its password is read from the environment variable {SigningInputs.PasswordVariable} only.",
            Required = required,
        };
        TimestampUrl = new Option<string?>("--timestamp-url")
        {
            Description = "With --sign-with: the RFC 3161 timestamp server to countersign with, so that the signature stays valid after the certificate expires.",
        };
    }

    public Option<FileInfo?> SignWith { get; }

    public Option<string?> TimestampUrl { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(SignWith);
        command.Options.Add(TimestampUrl);
    }

    /// <summary>What the command line asks for: null when it does not sign; a usage error for a timestamp without --sign-with or a bad URL.</summary>
    public SigningInputs? Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var pfx = parse.GetValue(SignWith);
        var url = parse.GetValue(TimestampUrl);
        if (pfx is null)
        {
            return url is null ? null : throw new FileProblemException("--timestamp-url is given without --sign-with: a timestamp countersigns a signature, so give the certificate file too.", ExitCodes.Usage);
        }

        Uri? timestamp = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out timestamp) || (timestamp.Scheme != Uri.UriSchemeHttp && timestamp.Scheme != Uri.UriSchemeHttps)))
        {
            throw new FileProblemException($"--timestamp-url {url} is not an http:// or https:// address of a timestamp server.", ExitCodes.Usage);
        }

        return new SigningInputs(pfx.FullName, timestamp);
    }
}
