using System.Text;
using System.Text.RegularExpressions;

namespace ContinuousOperation.Soak.Tests;

/// <summary>One invocation of the CLI found in a document's shell block: where it is, and the command as a shell would
/// run it, starting with <c>continuous-operation</c> whichever way the document starts the CLI.</summary>
internal sealed record DocumentedCommand(string Document, int Line, string Verb, string Text)
{
    public override string ToString() => $"{Document}:{Line}: {Text}";
}

/// <summary>
/// Finds the commands that start the CLI in the <c>```bash</c> blocks of a Markdown document. A command is what follows
/// one of the ways the documents start the CLI (<c>continuous-operation</c>, <c>dotnet run --project
/// src/ContinuousOperation.Cli -c Release --</c>, <c>dotnet …/continuous-operation.dll</c>, <c>$cli</c>) up to the end of
/// the shell command (<c>;</c>, <c>|</c>, <c>&amp;</c>, a comment or the line's end, outside quotes), with continued
/// lines joined. Blocks without a shell language (synopses, sample output) are not commands.
/// </summary>
internal static partial class DocumentedCommands
{
    public const string Cli = "continuous-operation";

    public static IReadOnlyList<DocumentedCommand> In(string document, string text)
    {
        var commands = new List<DocumentedCommand>();
        foreach (var (line, shellLine) in ShellLines(text))
        {
            foreach (Match start in Invocation().Matches(shellLine))
            {
                var command = $"{Cli} {ToCommandEnd(shellLine[(start.Index + start.Length)..])}".TrimEnd();
                commands.Add(new DocumentedCommand(document, line, start.Groups["verb"].Value, command));
            }
        }

        return commands;
    }

    /// <summary>Every logical line of the document's shell blocks (continuations joined), with its first line number.</summary>
    public static IEnumerable<(int Line, string Text)> ShellLines(string text)
    {
        var lines = text.Split('\n');
        var inShell = false;
        var inFence = false;
        var pending = new StringBuilder();
        var pendingLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inFence && line[3..].Trim() is "bash" or "sh" or "shell";
                inFence = !inFence;
                continue;
            }

            if (!inShell) continue;
            if (pending.Length == 0) pendingLine = i + 1;
            else line = line.TrimStart();
            if (line.EndsWith('\\'))
            {
                pending.Append(line[..^1].TrimEnd()).Append(' ');
                continue;
            }

            pending.Append(line);
            yield return (pendingLine, pending.ToString());
            pending.Clear();
        }
    }

    /// <summary>The rest of the shell command: up to an unquoted <c>;</c>, <c>|</c>, <c>&amp;</c> or comment.</summary>
    private static string ToCommandEnd(string rest)
    {
        char? quote = null;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (quote is not null)
            {
                if (c == quote) quote = null;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is ';' or '|' or '&' || (c == '#' && i > 0 && char.IsWhiteSpace(rest[i - 1])))
            {
                return rest[..i];
            }
        }

        return rest;
    }

    [GeneratedRegex(@"(?:dotnet run --project src/ContinuousOperation\.Cli(?: -c \w+)? --|dotnet \S*/continuous-operation\.dll|\$cli|(?<![\w/-])continuous-operation)\s+(?=(?<verb>run|reconcile|compare|cluster|node)\b)")]
    private static partial Regex Invocation();
}
