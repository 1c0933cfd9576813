// Copyright (c) PorSetup contributors. MIT licensed.

using System.Text;
using System.Text.RegularExpressions;

namespace PorSetup.Build.Tests;

/// <summary>
/// Cuts C# source into the members of its types by its braces, brackets and semicolons: no compiler, enough for the
/// repository's own tests (one type a file, members written the usual way), which is what the rules read.
/// </summary>
public static partial class SourceMembers
{
    // Words before a '(' that do not name a method: a field of a tuple type, a cast.
    private static readonly HashSet<string> Keywords = ["readonly", "static", "public", "private", "internal", "protected", "const", "new", "override", "async", "unsafe", "extern", "volatile", "partial", "sealed", "virtual", "abstract"];

    public static IReadOnlyList<SourceMember> Read(string file, string source)
    {
        var (code, literals) = Lex(source);
        var members = new List<SourceMember>();
        ReadBody(file, code, literals, 0, code.Length, null, members);
        return members;
    }

    // Comments and preprocessor lines become spaces; the contents of string and character literals become '_' in
    // the code (so that their braces and semicolons count for nothing) and are kept, by position, on the side.
    private static (string Code, SortedList<int, string> Literals) Lex(string source)
    {
        var code = new StringBuilder(source.Length);
        var literals = new SortedList<int, string>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '/' && At(source, i + 1) == '/' || c == '#' && LineStart(source, i))
            {
                var end = source.IndexOf('\n', i);
                end = end < 0 ? source.Length : end;
                code.Append(' ', end - i);
                i = end;
            }
            else if (c == '/' && At(source, i + 1) == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                code.Append(Regex.Replace(source[i..end], @"[^\n]", " "));
                i = end;
            }
            else if (c == '"' || c == '\'')
            {
                var start = i;
                var verbatim = i > 0 && source[i - 1] == '@' || i > 1 && source[i - 1] == '$' && source[i - 2] == '@';
                var quotes = 1;
                while (c == '"' && At(source, i + quotes) == '"')
                {
                    quotes++;
                }

                string content;
                if (quotes >= 3)
                {
                    var close = new string('"', quotes);
                    var end = source.IndexOf(close, i + quotes, StringComparison.Ordinal);
                    end = end < 0 ? source.Length : end;
                    content = source[(i + quotes)..end];
                    i = Math.Min(source.Length, end + quotes);
                }
                else if (quotes == 2)
                {
                    content = string.Empty;
                    i += 2;
                }
                else
                {
                    var j = i + 1;
                    while (j < source.Length && source[j] != c)
                    {
                        j += !verbatim && source[j] == '\\' ? 2 : verbatim && source[j] == '"' && At(source, j + 1) == '"' ? 2 : 1;
                    }

                    content = source[(i + 1)..Math.Min(j, source.Length)];
                    i = Math.Min(source.Length, j + 1);
                }

                literals[code.Length] = content;
                code.Append(c).Append('_', i - start - 2 < 0 ? 0 : i - start - 2).Append(c);
                if (code.Length > i)
                {
                    code.Length = i;
                }
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        return (code.ToString(), literals);
    }

    // The members of one type body (or of the file, outside any type), each from its first attribute to its end.
    private static void ReadBody(string file, string code, SortedList<int, string> literals, int from, int to, string? type, List<SourceMember> members)
    {
        var start = from;
        var depth = 0;
        for (var i = from; i < to; i++)
        {
            var c = code[i];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == ';' && depth == 0)
            {
                Add(file, code, literals, start, i + 1, null, type, members);
                start = i + 1;
            }
            else if (c == '{' && depth == 0)
            {
                var close = Matching(code, i, to);
                var header = code[start..i];
                var declaration = StripAttributes(header).Text;
                var typeName = TypeDeclaration().Match(declaration);
                if (typeName.Success || declaration.StartsWith("namespace", StringComparison.Ordinal))
                {
                    ReadBody(file, code, literals, i + 1, close, typeName.Success ? typeName.Groups[2].Value : type, members);
                    start = close + 1;
                }
                else if (!HasTopLevelEquals(header) && !NextIs(code, close + 1, '='))
                {
                    Add(file, code, literals, start, close + 1, i, type, members);
                    start = close + 1;
                }

                i = close;
            }
            else if (c == '}' && depth == 0)
            {
                start = i + 1;
            }
        }
    }

    private static void Add(string file, string code, SortedList<int, string> literals, int start, int end, int? body, string? type, List<SourceMember> members)
    {
        var text = code[start..end];
        var (attributes, header) = StripAttributes(body is null ? text : code[start..body.Value]);
        if (type is null || string.IsNullOrWhiteSpace(header) || header.TrimStart().StartsWith("namespace", StringComparison.Ordinal) || header.TrimStart().StartsWith("using", StringComparison.Ordinal))
        {
            return;
        }

        var beforeValue = header.Split(["=>", "=", "{"], 2, StringSplitOptions.None)[0];
        var call = MethodName().Matches(beforeValue).FirstOrDefault(m => !Keywords.Contains(m.Groups[1].Value));
        var name = call is not null ? call.Groups[1].Value : LastIdentifier().Match(beforeValue.TrimEnd(';', ' ', '\n', '\r', '\t')).Value;
        var arguments = literals.Where(l => l.Key >= start && l.Key < end && InnermostBracket(code, start, l.Key) == '(').Select(l => l.Value).ToList();
        members.Add(new SourceMember(file, type, name, attributes, StaticModifier().IsMatch(beforeValue), text, arguments));
    }

    private static (IReadOnlyList<string> Names, string Text) StripAttributes(string header)
    {
        var names = new List<string>();
        var text = header.TrimStart();
        while (text.StartsWith('['))
        {
            var close = Matching(text, 0, text.Length);
            names.AddRange(AttributeName().Matches(text[..(close + 1)]).Select(m => m.Groups[1].Value));
            text = text[(close + 1)..].TrimStart();
        }

        return (names, text);
    }

    private static int Matching(string code, int open, int to)
    {
        var depth = 0;
        for (var i = open; i < to; i++)
        {
            if (code[i] is '{' or '(' or '[')
            {
                depth++;
            }
            else if (code[i] is '}' or ')' or ']' && --depth == 0)
            {
                return i;
            }
        }

        return to - 1;
    }

    private static bool NextIs(string code, int i, char expected)
    {
        while (i < code.Length && char.IsWhiteSpace(code[i]))
        {
            i++;
        }

        return i < code.Length && code[i] == expected;
    }

    // The bracket ('(', '[' or '{') that is open at a position, counted from the member's start; ' ' if none.
    private static char InnermostBracket(string code, int from, int at)
    {
        var open = new Stack<char>();
        for (var i = from; i < at; i++)
        {
            if (code[i] is '(' or '[' or '{')
            {
                open.Push(code[i]);
            }
            else if (code[i] is ')' or ']' or '}' && open.Count > 0)
            {
                open.Pop();
            }
        }

        return open.Count > 0 ? open.Peek() : ' ';
    }

    // An initializer or an expression body ('=' or '=>' outside parentheses: not a parameter's default value).
    private static bool HasTopLevelEquals(string header)
    {
        var depth = 0;
        foreach (var c in header)
        {
            depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
            if (c == '=' && depth == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static bool LineStart(string text, int i)
    {
        while (--i >= 0 && text[i] is ' ' or '\t')
        {
        }

        return i < 0 || text[i] == '\n';
    }

    [GeneratedRegex(@"\b(class|struct|interface|enum|record)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(\w+)\s*(?:<[^()]*>)?\s*\(")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"\w+$")]
    private static partial Regex LastIdentifier();

    [GeneratedRegex(@"\bstatic\b")]
    private static partial Regex StaticModifier();

    [GeneratedRegex(@"[\[,]\s*(\w+)")]
    private static partial Regex AttributeName();
}
