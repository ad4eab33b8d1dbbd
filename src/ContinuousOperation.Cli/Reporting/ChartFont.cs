using ScottPlot;
using SkiaSharp;

namespace ContinuousOperation.Cli.Reporting;

/// <summary>DejaVu Sans (Bitstream Vera licence, in <c>Reporting/Fonts</c>), embedded in the assembly so that the
/// charts never depend on the machine's fonts: without it ScottPlot takes whatever the system offers (a serif face on
/// a bare Debian). One face serves every weight and slant the charts ask for.</summary>
internal sealed class ChartFont : IFontResolver
{
    /// <summary>The name ScottPlot looks the font up by: not the family's own, so that a DejaVu Sans installed on the
    /// machine can never be taken instead.</summary>
    public const string Name = "DejaVu Sans (embedded)";

    public static readonly SKTypeface Typeface = Load();

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new ChartFont());
        return true;
    });

    /// <summary>Makes the font known to ScottPlot, once per process.</summary>
    public static void Register() => _ = Registered.Value;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
        fontName == Name ? Typeface : null;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == Name ? Typeface : null;

    private static SKTypeface Load()
    {
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream("ContinuousOperation.Cli.Reporting.Fonts.DejaVuSans.ttf")
                           ?? throw new InvalidOperationException("the chart font is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        // Skia reads glyphs lazily: the typeface keeps its own copy of the bytes, not the resource stream.
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("the embedded chart font cannot be read");
    }
}
