// Copyright (c) PorSetup contributors. MIT licensed.

using PorSetup.CustomAction;

namespace PorSetup.CustomAction.Tests;

/// <summary>An installation in memory: properties as MSI keeps them (absent reads as empty), and a record of what the action did.</summary>
public sealed class FakeSession : ISession
{
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    public List<string> PropertiesWritten { get; } = [];

    /// <summary>Every property read, in order (CustomActionData included).</summary>
    public List<string> PropertiesRead { get; } = [];

    /// <summary>
    /// When true, the session behaves as a deferred action's: reading any property but CustomActionData, or writing
    /// any, throws (Windows gives a deferred action nothing else; Wine gives it everything, so Wine cannot catch this).
    /// </summary>
    public bool Deferred { get; set; }

    public List<SentMessage> Messages { get; } = [];

    /// <summary>When set, reading any property throws it.</summary>
    public Exception? ThrowOnGet { get; set; }

    /// <summary>When set, writing any property throws it.</summary>
    public Exception? ThrowOnSet { get; set; }

    /// <summary>When set, sending a message of this kind throws <see cref="ThrowOnMessage"/>.</summary>
    public InstallMessage? FailingMessageKind { get; set; }

    public Exception? ThrowOnMessage { get; set; }

    /// <summary>What <see cref="Message"/> returns: 1 (IDOK) unless a test makes the installer answer otherwise, 2 (IDCANCEL) for a cancel.</summary>
    public int MessageAnswer { get; set; } = 1;

    public IEnumerable<SentMessage> Errors => Messages.Where(m => m.Kind == InstallMessage.Error);

    public IEnumerable<SentMessage> LogLines => Messages.Where(m => m.Kind == InstallMessage.Info);

    public string CustomActionData => this["CustomActionData"];

    public string this[string name]
    {
        get
        {
            PropertiesRead.Add(name);
            if (Deferred && name != "CustomActionData")
            {
                throw new InvalidOperationException($"A deferred action read property {name}.");
            }

            return ThrowOnGet is not null ? throw ThrowOnGet : Properties.GetValueOrDefault(name, string.Empty);
        }

        set
        {
            if (Deferred)
            {
                throw new InvalidOperationException($"A deferred action wrote property {name}.");
            }

            if (ThrowOnSet is not null)
            {
                throw ThrowOnSet;
            }

            PropertiesWritten.Add(name);
            Properties[name] = value;
        }
    }

    public int Message(InstallMessage kind, string text)
    {
        if (ThrowOnMessage is not null && (FailingMessageKind is null || FailingMessageKind == kind))
        {
            throw ThrowOnMessage;
        }

        Messages.Add(new SentMessage(kind, text));
        return MessageAnswer;
    }
}
