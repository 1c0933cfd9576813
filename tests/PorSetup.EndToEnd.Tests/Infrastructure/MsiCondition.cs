// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Evaluates Windows Installer conditional statements of the subset PorSetup's tables use: property names (true when
/// not empty), NOT, AND, OR, parentheses, <c>=</c>, <c>~=</c> (case-insensitive) and <c>~&gt;&lt;</c> (contains, not
/// case-sensitive: "&gt;&lt; Left string contains right string", Substring Operators) with a quoted string, and <c>=</c>
/// with an integer. Anything else throws, so a condition the model cannot read fails the test instead of being guessed.
/// Rules from Microsoft's Conditional Statement Syntax page
/// (https://learn.microsoft.com/en-us/windows/win32/msi/conditional-statement-syntax): "Nonexistent property values
/// are treated as empty strings"; "Comparison of an integer with a string or property value that cannot be converted
/// to an integer is always msiEvaluateConditionFalse, except for the comparison operator "&lt;&gt;"".
/// </summary>
public sealed class MsiCondition
{
    private readonly List<string> tokens;
    private readonly IReadOnlyDictionary<string, string> properties;
    private int position;

    private MsiCondition(string condition, IReadOnlyDictionary<string, string> properties)
    {
        this.tokens = Tokenize(condition);
        this.properties = properties;
    }

    /// <summary>An empty condition is true, as in a sequence table.</summary>
    public static bool Evaluate(string condition, IReadOnlyDictionary<string, string> properties)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        var parser = new MsiCondition(condition, properties);
        var value = parser.Or();
        return parser.position == parser.tokens.Count ? value : throw new FormatException($"Unexpected '{parser.tokens[parser.position]}' in: {condition}");
    }

    private bool Or()
    {
        var value = this.And();
        while (this.Accept("OR"))
        {
            value |= this.And();
        }

        return value;
    }

    private bool And()
    {
        var value = this.Not();
        while (this.Accept("AND"))
        {
            value &= this.Not();
        }

        return value;
    }

    private bool Not() => this.Accept("NOT") ? !this.Not() : this.Primary();

    private bool Primary()
    {
        if (this.Accept("("))
        {
            var inner = this.Or();
            return this.Accept(")") ? inner : throw new FormatException("Missing ')'.");
        }

        var name = this.Next();
        var value = this.properties.TryGetValue(name, out var found) ? found : string.Empty;
        if (this.Accept("="))
        {
            var right = this.Next();
            if (int.TryParse(right, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer))
            {
                return int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var left) && left == integer;
            }

            return value == Literal(right);
        }

        if (this.Accept("~="))
        {
            return string.Equals(value, Literal(this.Next()), StringComparison.OrdinalIgnoreCase);
        }

        if (this.Accept("~><"))
        {
            return value.Contains(Literal(this.Next()), StringComparison.OrdinalIgnoreCase);
        }

        return value.Length > 0;
    }

    private static string Literal(string token) =>
        token.Length >= 2 && token[0] == '"' && token[^1] == '"' ? token[1..^1] : throw new FormatException($"Expected a quoted string, got {token}.");

    private bool Accept(string token)
    {
        if (this.position < this.tokens.Count && this.tokens[this.position] == token)
        {
            this.position++;
            return true;
        }

        return false;
    }

    private string Next() => this.position < this.tokens.Count ? this.tokens[this.position++] : throw new FormatException("Unexpected end of condition.");

    private static List<string> Tokenize(string condition)
    {
        var result = new List<string>();
        for (var i = 0; i < condition.Length;)
        {
            var c = condition[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '=')
            {
                result.Add(c.ToString());
                i++;
            }
            else if (c == '~' && condition.AsSpan(i).StartsWith("~><"))
            {
                result.Add("~><");
                i += 3;
            }
            else if (c == '~' && i + 1 < condition.Length && condition[i + 1] == '=')
            {
                result.Add("~=");
                i += 2;
            }
            else if (c == '"')
            {
                var end = condition.IndexOf('"', i + 1);
                result.Add(condition[i..(end + 1)]);
                i = end + 1;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            {
                // A name, or an integer with its sign.
                var start = i++;
                while (i < condition.Length && (char.IsAsciiLetterOrDigit(condition[i]) || condition[i] is '_' or '.'))
                {
                    i++;
                }

                result.Add(condition[start..i]);
            }
            else
            {
                throw new FormatException($"The model does not read '{c}' in: {condition}");
            }
        }

        return result;
    }
}
