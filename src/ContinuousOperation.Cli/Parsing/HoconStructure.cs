namespace ContinuousOperation.Cli.Parsing;

/// <summary>
/// Checks that the braces and brackets of a HOCON text pair up. Akka's HOCON parser is lenient here: <c>{{{</c>, or a
/// section whose closing brace was lost, parses without error into something the user did not write, and the run
/// then goes ahead on settings nobody meant. Strings (single- and triple-quoted) and comments are skipped.
/// </summary>
internal static class HoconStructure
{
    /// <summary>Why the text's braces and brackets do not pair up (with the line), or null when they do.</summary>
    public static string? FirstUnbalanced(string text)
    {
        var open = new Stack<(char Bracket, int Line)>();
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '#':
                case '/' when At(text, i, "//"):
                    while (i + 1 < text.Length && text[i + 1] != '\n') i++;
                    break;
                case '"' when At(text, i, "\"\"\""):
                    var end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                    if (end < 0) return $"line {line}: a \"\"\" string is never closed";
                    line += text.AsSpan(i, end - i).Count('\n');
                    i = end + 2;
                    break;
                case '"':
                    for (i++; i < text.Length && text[i] != '"' && text[i] != '\n'; i++)
                    {
                        if (text[i] == '\\') i++;
                    }

                    if (i >= text.Length || text[i] != '"') return $"line {line}: a quoted string is never closed";
                    break;
                case '{' or '[':
                    open.Push((c, line));
                    break;
                case '}' or ']':
                    var expected = c == '}' ? '{' : '[';
                    if (open.Count == 0 || open.Peek().Bracket != expected) return $"line {line}: '{c}' closes nothing";
                    open.Pop();
                    break;
            }
        }

        return open.TryPeek(out var unclosed) ? $"line {unclosed.Line}: '{unclosed.Bracket}' is never closed" : null;
    }

    private static bool At(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
