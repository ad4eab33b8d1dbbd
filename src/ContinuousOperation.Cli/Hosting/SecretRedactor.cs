using System.Text.RegularExpressions;

namespace ContinuousOperation.Cli.Hosting;

/// <summary>Masks passwords in text that is about to be shown or logged: <c>Password=…</c>, <c>pwd=…</c> and the
/// like, as they appear in connection strings, quoted or not (Akka's configuration dump quotes them).</summary>
internal static partial class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string text) => Secret().Replace(text, match => $"{match.Groups["key"].Value}={Mask}");

    /// <summary>The value runs to the next separator of a connection string or the closing quote of the HOCON string
    /// it sits in; a quoted value (<c>Password='a;b'</c>) runs to its own closing quote.</summary>
    [GeneratedRegex("""(?<key>\b(?:password|passwd|pwd))\s*=\s*(?:'[^']*'|"[^"]*"|[^;"'\s,}]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
