using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>
/// Turns the text of an SVG written by Skia into the outlines of its glyphs. Skia writes each label as a
/// <c>&lt;text font-family="…"&gt;</c> with one x position per character; a viewer then draws it in whatever font it
/// has under that name, or in its default (a serif face, in a browser showing the SVG as an image), at widths the
/// layout did not measure. Outlines look the same everywhere. Each glyph is defined once and placed with
/// <c>&lt;use&gt;</c>, which keeps the document near its original size; the words stay in the group's
/// <c>aria-label</c>, for screen readers and searches.
/// </summary>
internal static partial class SvgTextOutlines
{
    public static string Outline(string svg, SKTypeface typeface)
    {
        var glyphs = new Dictionary<(ushort Glyph, float Size), string>();
        var outlined = TextElement().Replace(svg, text => Outline(text, typeface, glyphs));
        if (glyphs.Count == 0) return outlined;

        var definitions = new StringBuilder("<defs>\n");
        foreach (var ((glyph, size), id) in glyphs)
        {
            using var font = new SKFont(typeface, size);
            using var path = font.GetGlyphPath(glyph);
            definitions.Append($"<path id=\"{id}\" d=\"{path?.ToSvgPathData() ?? ""}\"/>\n");
        }

        var end = outlined.LastIndexOf("</svg>", StringComparison.Ordinal);
        return outlined.Insert(end, definitions.Append("</defs>\n").ToString());
    }

    /// <summary>A <c>&lt;g&gt;</c> with the text's transform and paint, holding one <c>&lt;use&gt;</c> per glyph at the
    /// position Skia measured; the element unchanged if its positions do not match its characters.</summary>
    private static string Outline(Match text, SKTypeface typeface, Dictionary<(ushort, float), string> glyphs)
    {
        var attributes = Attribute().Matches(text.Groups["attributes"].Value)
            .ToDictionary(a => a.Groups["name"].Value, a => a.Groups["value"].Value);
        var content = WebUtility.HtmlDecode(text.Groups["content"].Value.Trim());
        if (!attributes.TryGetValue("font-size", out var sizeText) || !attributes.TryGetValue("x", out var xText) ||
            !attributes.TryGetValue("y", out var yText)) return text.Value;

        var size = float.Parse(sizeText, CultureInfo.InvariantCulture);
        var (xs, ys) = (Numbers(xText), Numbers(yText));
        using var font = new SKFont(typeface, size);
        var ids = font.GetGlyphs(content);
        if (ids.Length != xs.Length || ys.Length == 0) return text.Value;

        var group = new StringBuilder("<g");
        foreach (var (name, value) in attributes.Where(a => a.Key is "transform" or "fill" or "fill-opacity" or "opacity"))
        {
            group.Append($" {name}=\"{value}\"");
        }

        group.Append($" aria-label=\"{WebUtility.HtmlEncode(content)}\">");
        for (var i = 0; i < ids.Length; i++)
        {
            if (!glyphs.TryGetValue((ids[i], size), out var id)) glyphs[(ids[i], size)] = id = $"glyph-{glyphs.Count}";
            var y = ys[Math.Min(i, ys.Length - 1)];
            group.Append(CultureInfo.InvariantCulture, $"<use xlink:href=\"#{id}\" x=\"{xs[i]}\" y=\"{y}\"/>");
        }

        return group.Append("</g>").ToString();
    }

    private static float[] Numbers(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => float.Parse(n, CultureInfo.InvariantCulture))
            .ToArray();

    [GeneratedRegex("<text(?<attributes>[^>]*)>(?<content>[^<]*)</text>")]
    private static partial Regex TextElement();

    [GeneratedRegex(@"\s(?<name>[\w:-]+)=""(?<value>[^""]*)""")]
    private static partial Regex Attribute();
}
