// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.CustomAction;

/// <summary>
/// The running installation as a custom action sees it, after WiX DTF's Session: properties, messages to the
/// installer's UI and log, and the data of a deferred action. The real one (<see cref="Remote.ProxySession"/>)
/// forwards each call to the proxy DLL, which holds the MSI handle; tests use a fake.
/// </summary>
public interface ISession
{
    /// <summary>Gets or sets an installer property. An absent property reads as the empty string, as in MSI.</summary>
    string this[string name] { get; set; }

    /// <summary>
    /// The CustomActionData property: the only property a deferred action can read on Windows (the value the
    /// immediate action of the same name stored for it).
    /// </summary>
    string CustomActionData { get; }

    /// <summary>
    /// Sends a message to the installer. The text is shown and logged as it is: property references such as
    /// <c>[ProductCode]</c> in user input stay literal (the real session escapes them, see <see cref="FormattedText"/>).
    /// </summary>
    /// <returns>The installer's answer (MsiProcessMessage's return value; 0 when nobody handled it).</returns>
    int Message(InstallMessage kind, string text);
}
