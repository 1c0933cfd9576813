// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text;

namespace PorSetup.CustomAction;

/// <summary>
/// Windows Installer's Formatted text (the syntax of [Property], [1], [~], {...}). MsiProcessMessage formats
/// field 0 as the template, and with an install handle it also expands [Property] references inside the field
/// values it inserts: "[1]" with field 1 = "[ProductCode]" shows the product code (Windows Installer does
/// this; Wine's msi conformance tests check it on Windows, and Wine does the same). So user text is escaped.
/// </summary>
public static class FormattedText
{
    /// <summary>
    /// Escapes text so that formatting gives it back unchanged: each of <c>[ ] { }</c> becomes <c>[\x]</c>,
    /// the escape that formatting replaces with the character x alone.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("[]{}") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '[' or ']' or '{' or '}')
            {
                builder.Append("[\\").Append(c).Append(']');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
