// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>
/// The session an action runs with: the real one, noting whether the installer answered a message with IDCANCEL
/// (the user pressed Cancel while the action ran), so that the action's result becomes 1602.
/// </summary>
internal sealed class CancelWatchingSession(ISession session) : ISession
{
    /// <summary>IDCANCEL, MsiProcessMessage's answer when the user cancelled.</summary>
    public const int IdCancel = 2;

    public bool Cancelled { get; private set; }

    public string CustomActionData => session.CustomActionData;

    public string this[string name]
    {
        get => session[name];
        set => session[name] = value;
    }

    public int Message(InstallMessage kind, string text)
    {
        var answer = session.Message(kind, text);
        Cancelled |= answer == IdCancel;
        return answer;
    }
}
